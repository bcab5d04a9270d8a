package lianshao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import lianshao.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Problems speak one language: English when Accept-Language asks for it, Chinese otherwise; the console's error page
 * speaks the language chosen there. Type, status and field names do not change with the language.
 */
class ProblemLanguageTest extends ApiTestSupport {

    @Test
    void aMissingWarningIsNamedInTheRequestedLanguageOnly() throws Exception {
        JsonNode chinese = problem(get("/api/v1/warnings/W-NONE").with(signedIn(INSPECTOR)), 404);
        JsonNode english = problem(get("/api/v1/warnings/W-NONE").with(signedIn(INSPECTOR))
                .header("Accept-Language", "en-GB,en;q=0.8"), 404);

        assertThat(chinese.get("title").asString()).isEqualTo("未找到");
        assertThat(chinese.get("detail").asString()).isEqualTo("预警不存在：W-NONE");
        assertThat(english.get("title").asString()).isEqualTo("Not found");
        assertThat(english.get("detail").asString()).isEqualTo("no warning W-NONE");
        assertThat(english.get("type").asString()).isEqualTo(chinese.get("type").asString()).endsWith("/problems/not-found");
    }

    @Test
    void validationErrorsKeepTheirFieldsAndSayTheirReasonInOneLanguage() throws Exception {
        JsonNode chinese = problem(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON).content("{}"), 400);
        JsonNode english = problem(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON).content("{}")
                .header("Accept-Language", "en"), 400);

        assertThat(chinese.get("title").asString()).isEqualTo("请求数据无效");
        assertThat(english.get("title").asString()).isEqualTo("Invalid request data");
        assertThat(english.get("detail").asString()).endsWith("error(s)");
        assertThat(chinese.get("errors").size()).isPositive().isEqualTo(english.get("errors").size());
        for (int i = 0; i < chinese.get("errors").size(); i++) {
            JsonNode zh = chinese.get("errors").get(i);
            JsonNode en = english.get("errors").get(i);
            assertThat(en.get("field").asString()).isEqualTo(zh.get("field").asString());
            assertThat(zh.get("message").asString()).doesNotContain(" / ").matches(".*\\p{IsHan}.*");
            assertThat(en.get("message").asString()).doesNotContain(" / ").doesNotMatch(".*\\p{IsHan}.*");
        }
    }

    @Test
    void problemsWrittenBeforeTheControllersAreInOneLanguageToo() throws Exception {
        JsonNode chinese = problem(get("/api/v1/warnings"), 401);
        JsonNode english = problem(get("/api/v1/warnings").header("Accept-Language", "en"), 401);

        assertThat(chinese.get("title").asString()).isEqualTo("需要认证");
        assertThat(chinese.get("detail").asString()).isEqualTo("请提供 X-Api-Key 或用户凭据");
        assertThat(english.get("title").asString()).isEqualTo("Authentication required");
        assertThat(english.get("detail").asString()).isEqualTo("send X-Api-Key or user credentials");
    }

    @Test
    void theConsoleErrorPageSpeaksTheChosenLanguageAndShowsTheDateAsPeopleTypeIt() throws Exception {
        String chinese = mvc.perform(get("/warnings").param("from", "3/2/2026").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/warnings").param("from", "3/2/2026").param("lang", "en").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(chinese).contains("from: 应为日期，如 2026-03-02").doesNotContain("expected a date");
        assertThat(english).contains("from: expected a date such as 2026-03-02").doesNotContain("应为日期");
    }

    private JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        var result = mvc.perform(request).andExpect(status().is(status)).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json(result);
    }
}
