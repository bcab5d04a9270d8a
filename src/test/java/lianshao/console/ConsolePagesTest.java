package lianshao.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import lianshao.ApiTestSupport;

class ConsolePagesTest extends ApiTestSupport {

    @Test
    void theSignInPageIsChineseFirstWithEnglishAvailable() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("登录")))
                .andExpect(content().string(Matchers.containsString("_csrf")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Sign in")));
    }

    @Test
    void anUnknownOrMalformedLanguageFallsBackToChineseInsteadOfFailing() throws Exception {
        for (String lang : new String[] {"zz!!", "../../etc", "en_US_POSIX_x y", "fr"}) {
            mvc.perform(get("/login").param("lang", lang)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("登录")));
        }
    }

    @Test
    void signingInNeedsTheCsrfTokenAndTheRightPassword() throws Exception {
        mvc.perform(post("/login").param("username", INSPECTOR).param("password", PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", INSPECTOR).param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(csrf()).param("username", INSPECTOR).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theOverviewShowsOpenWarningsByForm() throws Exception {
        mvc.perform(get("/").with(user(INSPECTOR).roles("INSPECTOR"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("预警总览")))
                .andExpect(content().string(Matchers.containsString("第四种形态")));
    }
}
