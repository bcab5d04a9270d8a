package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

/**
 * The web boundary: the console's Content-Security-Policy and pages without inline script; users'
 * state-changing API calls need a header no other site can make a browser send; sign-in throttling
 * per account and client, which no one can turn into a lock-out of somebody else.
 */
class WebBoundaryTest extends ApiTestSupport {

    static final String EVERYONE = "wb-everyone";

    @Autowired
    Users users;
    @Autowired
    LoginAttempts attempts;

    @BeforeEach
    void everyone() {
        users.ensure(EVERYONE, PASSWORD, "全部角色", Set.of(Role.values()), null);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    // ---- Content-Security-Policy and inline script -----------------------------------------------

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|<[^>]*\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);

    private static final Pattern POST_FORM = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** What in a page or template the console's policy would block: inline script, handlers, inline style. */
    private static List<String> inlineCode(String html) {
        List<String> found = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            String attributes = script.group(1);
            boolean external = attributes.matches("(?is).*\\s(th:)?src\\s*=.*");
            boolean data = attributes.matches("(?is).*\\stype\\s*=\\s*\"application/json\".*");
            if (!external && !data) {
                found.add("inline script: " + script.group());
            }
        }
        Matcher handler = EVENT_HANDLER.matcher(html);
        while (handler.find()) {
            found.add("event handler attribute: " + handler.group());
        }
        Matcher style = INLINE_STYLE.matcher(html);
        while (style.find()) {
            found.add("inline style: " + style.group());
        }
        return found;
    }

    @Test
    void noTemplateHoldsInlineScriptHandlersOrStyle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                inlineCode(Files.readString(template, StandardCharsets.UTF_8)).forEach(f -> found.add(template.getFileName() + ": " + f));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyConsolePageCarriesThePolicyAndRendersNoInlineScript() throws Exception {
        putJson("/api/v1/orgs/SCH-WB", "{\"name\": \"页面测试学校\", \"type\": \"SCHOOL\", \"district\": \"东城区\"}")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/P-WB-1", "{\"kind\": \"PERSON\", \"name\": \"页面测试\", \"roles\": [\"GUARDIAN\"]}")
                .andExpect(status().is2xxSuccessful());
        List<String> pages = new ArrayList<>(List.of("/", "/warnings", "/coverage", "/rules/quality", "/rules", "/rule-sets",
                "/admin/users", "/admin/api-keys", "/access-log", "/imports", "/profiles/P-WB-1", "/profiles/org/SCH-WB"));
        Integer version = jdbc.sql("SELECT MAX(version_no) FROM rule_set_version").query(Integer.class).single();
        pages.addAll(List.of("/rule-sets/" + version, "/rule-sets/" + version + "/edit"));
        if (version > 1) {
            pages.add("/rule-sets/" + version + "/diff");
        }
        jdbc.sql("SELECT id FROM warning ORDER BY id LIMIT 1").query(String.class).optional().ifPresent(id -> pages.add("/warnings/" + id));
        jdbc.sql("SELECT id FROM import_job ORDER BY id LIMIT 1").query(String.class).optional()
                .ifPresent(id -> pages.add("/imports?id=" + id));
        List<String> found = new ArrayList<>();
        int rendered = 0;
        for (String page : pages) {
            MvcResult result = mvc.perform(get(page).with(user(EVERYONE).roles(names(Role.values())))).andReturn();
            int status = result.getResponse().getStatus();
            String type = String.valueOf(result.getResponse().getContentType());
            if (status != 200 || !type.startsWith("text/html")) {
                found.add(page + " answered " + status + " " + type);
                continue;
            }
            rendered++;
            assertThat(result.getResponse().getHeader("Content-Security-Policy")).as(page)
                    .isEqualTo(page.equals("/") ? SecurityConfiguration.DASHBOARD_POLICY : SecurityConfiguration.CONSOLE_POLICY);
            String html = result.getResponse().getContentAsString();
            inlineCode(html).forEach(f -> found.add(page + ": " + f));
            Matcher form = POST_FORM.matcher(html);
            while (form.find()) {
                if (!form.group(1).contains("name=\"_csrf\"")) {
                    found.add(page + ": a form that posts without the CSRF token: " + form.group().lines().findFirst().orElse(""));
                }
            }
        }
        MvcResult login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        assertThat(login.getResponse().getHeader("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONSOLE_POLICY);
        inlineCode(login.getResponse().getContentAsString()).forEach(f -> found.add("/login: " + f));
        assertThat(found).isEmpty();
        assertThat(rendered).isGreaterThanOrEqualTo(14);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every console endpoint that takes a POST refuses it without the CSRF token, even from a signed-in person. */
    @Test
    void everyConsolePostNeedsTheCsrfToken() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            boolean posts = methods.isEmpty() || methods.contains(org.springframework.web.bind.annotation.RequestMethod.POST);
            for (String pattern : info.getPatternValues()) {
                if (!posts || pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x1").replace("/**", "/x");
                try {
                    int status = mvc.perform(post(path).with(user(EVERYONE).roles(names(Role.values())))).andReturn().getResponse()
                            .getStatus();
                    checked.add(path + " -> " + status);
                    if (status != 403) {
                        failures.add("POST " + path + " without a CSRF token answered " + status);
                    }
                } catch (Exception e) {
                    failures.add("POST " + path + ": " + e);
                }
            }
        });
        assertThat(checked).as("console endpoints that take a POST").hasSizeGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    private static String[] names(Role... roles) {
        return Stream.of(roles).map(Enum::name).toArray(String[]::new);
    }

    @Test
    void thePolicyForbidsInlineScriptFramingPluginsAndForeignForms() {
        String policy = SecurityConfiguration.CONSOLE_POLICY;
        assertThat(policy).contains("script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                "form-action 'self'", "style-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        // the overview's charts may set style attributes, nothing more
        assertThat(SecurityConfiguration.DASHBOARD_POLICY).contains("script-src 'self';", "style-src 'self';",
                "style-src-attr 'unsafe-inline'", "object-src 'none'").doesNotContain("style-src 'self' 'unsafe-inline'");
        assertThat(SecurityConfiguration.SWAGGER_POLICY).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void swaggerUiAndTheApiHaveTheirOwnPolicies() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.SWAGGER_POLICY));
        mvc.perform(get("/api/v1/warnings").with(basic(INSPECTOR, PASSWORD))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.API_POLICY));
    }

    // ---- users' state-changing API calls need X-Requested-By ------------------------------------

    @Test
    void aUsersApiWriteWithoutTheHeaderIsRefusedAndNamesIt() throws Exception {
        // what a form on another site makes a browser send with cached Basic credentials
        MockHttpServletRequestBuilder crossSite = post("/api/v1/warnings/no-such-warning/actions")
                .with(httpBasic(INSPECTOR, PASSWORD)).header("Origin", "https://elsewhere.example")
                .contentType(MediaType.TEXT_PLAIN).content("{\"action\": \"START_REVIEW\"}");
        mvc.perform(crossSite).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value(Matchers.containsString("X-Requested-By")))
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("请求头 X-Requested-By"),
                        Matchers.not(Matchers.containsString("must carry the header")))));
        // the same for a principal without a password check, and for every unsafe method
        for (MockHttpServletRequestBuilder write : List.of(
                post("/api/v1/mutes").contentType(MediaType.APPLICATION_JSON).content("{}"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/mutes/x1"),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/orgs/WB-ORG")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))) {
            mvc.perform(write.with(user(EVERYONE).roles(names(Role.values())))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("X-Requested-By")));
        }
        // with the header the request reaches the service (here: no such warning)
        mvc.perform(post("/api/v1/warnings/no-such-warning/actions").with(basic(INSPECTOR, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"START_REVIEW\"}"))
                .andExpect(status().isNotFound());
        // reads do not need it
        mvc.perform(get("/api/v1/warnings").with(httpBasic(INSPECTOR, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aCrossSiteUploadAsAUserStoresNothing() throws Exception {
        long jobs = count("import_job");
        MockMultipartFile file = new MockMultipartFile("file", "ledger.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports").file(file).param("kind", "procurement").with(httpBasic(EVERYONE, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("X-Requested-By")));
        assertThat(count("import_job")).isEqualTo(jobs);
    }

    @Test
    void feedsDoNotNeedTheHeader() throws Exception {
        registerOrg("SCH-WB", TEST_DISTRICT);
        mvc.perform(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON)
                        .content(TestRecords.smallPurchase("SCH-WB").toString()))
                .andExpect(status().isCreated());
    }

    // ---- sign-in throttling per account and client ----------------------------------------------

    private ResultActions formSignIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password));
    }

    private Duration blockOf(String username, String address) {
        return jdbc.sql("SELECT last_failure_at, blocked_until FROM sign_in_failure WHERE username = ? AND client = ?")
                .params(username, address)
                .query((rs, n) -> Duration.between(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)))
                .single();
    }

    /** Lets the block run out without waiting. */
    private void expire(String username, String address) {
        jdbc.sql("UPDATE sign_in_failure SET blocked_until = ? WHERE username = ? AND client = ?")
                .params(LocalDateTime.of(2000, 1, 1, 0, 0), username, address).update();
    }

    @Test
    void failuresFromOneClientBlockThatClientOnlyWithAGrowingBackOff() throws Exception {
        String name = "wb-lock-form";
        users.ensure(name, PASSWORD, "锁定测试", Set.of(Role.INSPECTOR), null);
        for (int i = 0; i < 5; i++) {
            formSignIn(name, "wrong-" + i, "10.9.0.1").andExpect(redirectedUrl("/login?error"));
        }
        assertThat(blockOf(name, "10.9.0.1")).isEqualTo(Duration.ofMinutes(1));
        // the blocked client is refused even with the right password, without a check of it
        formSignIn(name, PASSWORD, "10.9.0.1").andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(Matchers.containsString("sign-in-locked")));
        // another client signs in as usual
        formSignIn(name, PASSWORD, "10.9.0.2").andExpect(redirectedUrl("/"));
        // each further failure after a block doubles it
        expire(name, "10.9.0.1");
        formSignIn(name, "wrong-again", "10.9.0.1").andExpect(redirectedUrl("/login?error"));
        assertThat(blockOf(name, "10.9.0.1")).isEqualTo(Duration.ofMinutes(2));
        expire(name, "10.9.0.1");
        formSignIn(name, "wrong-again", "10.9.0.1").andExpect(redirectedUrl("/login?error"));
        assertThat(blockOf(name, "10.9.0.1")).isEqualTo(Duration.ofMinutes(4));
        // once the block is over, the right password signs in and clears the count
        expire(name, "10.9.0.1");
        formSignIn(name, PASSWORD, "10.9.0.1").andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE username = ?").param(name).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        assertThat(attempts.block(4)).isEmpty();
        assertThat(attempts.block(5)).contains(Duration.ofMinutes(1));
        assertThat(attempts.block(6)).contains(Duration.ofMinutes(2));
        assertThat(attempts.block(8)).contains(Duration.ofMinutes(8));
        assertThat(attempts.block(9)).contains(Duration.ofMinutes(15));
        assertThat(attempts.block(500)).contains(Duration.ofMinutes(15));
    }

    @Test
    void basicOnTheApiIsThrottledPerClientToo() throws Exception {
        String name = "wb-lock-basic";
        users.ensure(name, PASSWORD, "锁定测试", Set.of(Role.INSPECTOR), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/warnings").with(httpBasic(name, "wrong-" + i)).with(from("10.9.1.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/warnings").with(httpBasic(name, PASSWORD)).with(from("10.9.1.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value(Matchers.containsString("登录尝试过多")));
        mvc.perform(get("/api/v1/warnings").with(httpBasic(name, PASSWORD)).with(from("10.9.1.2"))).andExpect(status().isOk());
        // the console's Basic and form sign-in share the count of that client
        formSignIn(name, PASSWORD, "10.9.1.1").andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void aDistributedAttackSlowsUnknownClientsButNeverLocksTheOwnerOut() throws Exception {
        String name = "wb-ceiling";
        users.ensure(name, PASSWORD, "分布式攻击测试", Set.of(Role.INSPECTOR), null);
        formSignIn(name, PASSWORD, "10.9.2.100").andExpect(redirectedUrl("/"));
        // 20 attackers, one guess each: no client reaches its own limit
        for (int i = 1; i <= 20; i++) {
            formSignIn(name, "guess-" + i, "10.9.3." + i).andExpect(redirectedUrl("/login?error"));
        }
        // the account is over its ceiling: one unknown client is admitted, the next must wait its turn
        formSignIn(name, "guess-21", "10.9.3.21").andExpect(redirectedUrl("/login?error"));
        formSignIn(name, "guess-22", "10.9.3.22").andExpect(redirectedUrl("/login?locked"));
        formSignIn(name, PASSWORD, "10.9.3.23").andExpect(redirectedUrl("/login?locked"));
        // the owner, on a client that signed in before, is not slowed
        formSignIn(name, PASSWORD, "10.9.2.100").andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/warnings").with(httpBasic(name, PASSWORD)).with(from("10.9.2.100"))).andExpect(status().isOk());
        // and a new client gets its turn once the pace allows
        jdbc.sql("UPDATE sign_in_account SET next_unknown_at = ? WHERE username = ?").params(LocalDateTime.of(2000, 1, 1, 0, 0), name)
                .update();
        formSignIn(name, PASSWORD, "10.9.3.23").andExpect(redirectedUrl("/"));
    }
}
