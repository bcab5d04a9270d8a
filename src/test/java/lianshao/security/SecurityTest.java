package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

/**
 * The security promises: nothing but health, the API description and the sign-in page without
 * authentication; keys never in the logs; no session cookie on the API; CSRF on the console; and a
 * table of who may do what.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest extends ApiTestSupport {

    static final String SUPERVISOR = "sec-supervisor";
    static final String RULE_AUTHOR = "sec-rule-author";
    static final String ADMIN = "sec-admin";
    static final String AUDITOR = "sec-auditor";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Users users;
    @Autowired
    ApiKeys keys;

    static String recordsKey;
    static String referenceKey;

    @BeforeEach
    void principals() {
        users.ensure(SUPERVISOR, PASSWORD, "组长", Set.of(Role.SUPERVISOR), null);
        users.ensure(RULE_AUTHOR, PASSWORD, "规则编写", Set.of(Role.RULE_AUTHOR), null);
        users.ensure(ADMIN, PASSWORD, "管理员", Set.of(Role.ADMIN), null);
        users.ensure(AUDITOR, PASSWORD, "审计员", Set.of(Role.AUDITOR), null);
        if (recordsKey == null) {
            recordsKey = keys.create(TestRecords.SOURCE, Set.of(Scope.RECORDS), "security test: records only");
            referenceKey = keys.create(TestRecords.SOURCE, Set.of(Scope.REFERENCE), "security test: reference only");
        }
    }

    /** Paths that are meant to be open. */
    private static boolean open(String path) {
        return path.equals("/login") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/error");
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "x1").replace("/**", "/x");
    }

    @Test
    void noMappedEndpointAnswersWithoutAuthenticationButTheOpenOnes() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<String> patterns = info.getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                String path = concrete(pattern);
                List<HttpMethod> verbs = methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                        : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                for (HttpMethod verb : verbs) {
                    MockHttpServletRequestBuilder anonymous = request(verb, path).contentType(MediaType.APPLICATION_JSON).content("{}");
                    int status = mvc.perform(anonymous).andReturn().getResponse().getStatus();
                    checked.add(verb + " " + path + " -> " + status);
                    if (open(path)) {
                        continue;
                    }
                    boolean api = path.startsWith("/api/");
                    boolean refused = api ? status == 401
                            // the console: sign-in redirect for reads; a write without a CSRF token is refused first
                            : status == 302 || status == 401 || (verb != HttpMethod.GET && status == 403);
                    if (!refused) {
                        failures.add(verb + " " + path + " answered " + status + " anonymously");
                    }
                }
            }
        }
        assertThat(checked).as("the mapping enumerates the endpoints").hasSizeGreaterThan(25);
        assertThat(failures).as(String.join("\n", checked)).isEmpty();
    }

    @Test
    void actuatorEndpointsButHealthNeedAuthentication() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator", "/actuator/env",
                "/actuator/beans")) {
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(302, 401);
        }
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void apiKeysNeverAppearInTheLogs(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("lianshao", "org.springframework.security", "org.springframework.web");
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.TRACE));
        String wrongKey = "lsk_" + java.util.UUID.randomUUID().toString().replace("-", "") + "_wrong";
        String revoked = keys.create(TestRecords.SOURCE, Set.of(Scope.RECORDS), "security test: revoked");
        registerOrg("SCH-SEC", TEST_DISTRICT);
        int from = output.getAll().length();
        try {
            // good keys, a wrong key, a revoked key, a key in the wrong place, a key with whitespace
            mvc.perform(post("/api/v1/records").header("X-Api-Key", recordsKey).contentType(MediaType.APPLICATION_JSON)
                    .content(TestRecords.smallPurchase("SCH-SEC").toString())).andExpect(status().isCreated());
            mvc.perform(post("/api/v1/records").header("X-Api-Key", recordsKey).contentType(MediaType.APPLICATION_JSON)
                    .content("{ not json")).andExpect(status().isBadRequest());
            mvc.perform(post("/api/v1/records").header("X-Api-Key", wrongKey).contentType(MediaType.APPLICATION_JSON)
                    .content("{}")).andExpect(status().isUnauthorized());
            keys.revoke(keys.authenticate(revoked).orElseThrow().keyId());
            mvc.perform(post("/api/v1/records").header("X-Api-Key", revoked).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/api/v1/warnings").header("Authorization", "Bearer " + recordsKey)).andExpect(status().isUnauthorized());
            mvc.perform(get("/").header("X-Api-Key", "  " + referenceKey + "  ")).andReturn();
            mvc.perform(post("/api/v1/records/batch").header("X-Api-Key", referenceKey).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"records\": []}")).andExpect(status().isForbidden());
        } finally {
            loggers.forEach(l -> logging.setLogLevel(l, null));
        }
        String logged = output.getAll().substring(from);
        assertThat(logged).as("the filters logged at TRACE while the keys were used").contains("Securing POST /api/v1/records");
        for (String key : List.of(recordsKey, referenceKey, wrongKey, revoked, KEY)) {
            assertThat(logged).doesNotContain(key);
            // nor a long tail of it (a key printed in part is still a leak)
            assertThat(logged).doesNotContain(key.substring(key.length() - 12));
        }
    }

    @Test
    void aKeyRevokedOnThisInstanceIsRefusedAtOnceThoughItsLookupWasCached() throws Exception {
        String key = keys.create(TestRecords.SOURCE, Set.of(Scope.RECORDS), "security test: revoked while cached");
        mvc.perform(get("/api/v1/records/no-such-record").header("X-Api-Key", key)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/records/no-such-record").header("X-Api-Key", key)).andExpect(status().isNotFound());
        assertThat(keys.revoke(keys.authenticate(key).orElseThrow().keyId())).isTrue();
        mvc.perform(get("/api/v1/records/no-such-record").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
    }

    @Test
    void aConsoleSessionCookieIsNotAcceptedOnTheApi() throws Exception {
        MvcResult signIn = mvc.perform(post("/login").param("username", INSPECTOR).param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(signIn.getResponse().getRedirectedUrl()).doesNotContain("error");
        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
        assertThat(session).isNotNull();
        // the session is good on the console ...
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        // ... and worth nothing on the API
        mvc.perform(get("/api/v1/warnings").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/records/x1").session(session)).andExpect(status().isUnauthorized());
        // and the API never hands out a session
        MvcResult basic = mvc.perform(get("/api/v1/warnings").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic(INSPECTOR, PASSWORD))).andExpect(status().isOk()).andReturn();
        assertThat(basic.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(basic.getRequest().getSession(false)).isNull();
    }

    @Test
    void theConsoleRefusesWritesWithoutACsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", INSPECTOR).param("password", PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        // with the token it goes through (a redirect for a browser, 204 for a client that does not ask for HTML)
        assertThat(mvc.perform(post("/logout").with(signedIn(INSPECTOR)).with(csrf())).andReturn().getResponse().getStatus())
                .isIn(204, 302);
        mvc.perform(post("/logout").with(signedIn(INSPECTOR)).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    // ---- role × endpoint group -------------------------------------------------------------------

    enum Group {
        POST_RECORD(HttpMethod.POST, "/api/v1/records", "{}"),
        READ_RECORD(HttpMethod.GET, "/api/v1/records/no-such-record", null),
        WRITE_REFERENCE(HttpMethod.PUT, "/api/v1/orgs/SEC-ORG", "{}"),
        READ_WARNINGS(HttpMethod.GET, "/api/v1/warnings", null),
        ACT_ON_WARNING(HttpMethod.POST, "/api/v1/warnings/no-such-warning/actions", "{\"action\": \"START_REVIEW\"}"),
        READ_MUTES(HttpMethod.GET, "/api/v1/mutes", null),
        READ_ACCESS_LOG(HttpMethod.GET, "/api/v1/access-log", null),
        METRICS(HttpMethod.GET, "/actuator/prometheus", null),
        CONSOLE(HttpMethod.GET, "/", null);

        final HttpMethod method;
        final String path;
        final String body;

        Group(HttpMethod method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }
    }

    /**
     * Expected statuses. 400/404 mean "let through to the controller" (the request itself is empty or
     * names nothing); 401 no credentials the chain accepts (a key means nothing to the console and the
     * actuator; a browser asking for HTML is sent to the sign-in page instead); 403 refused.
     */
    static Stream<Arguments> table() {
        Map<String, int[]> table = new LinkedHashMap<>();
        // POST_REC, READ_REC, WRITE_REF, READ_WARN, ACT, MUTES, ACCESS_LOG, METRICS, CONSOLE
        table.put("FEED_RECORDS",     new int[] {400, 404, 403, 403, 403, 403, 403, 401, 401});
        table.put("FEED_REFERENCE",   new int[] {403, 404, 400, 403, 403, 403, 403, 401, 401});
        table.put(INSPECTOR,          new int[] {403, 404, 403, 200, 404, 200, 403, 403, 200});
        table.put(SUPERVISOR,         new int[] {403, 404, 403, 200, 404, 200, 403, 403, 200});
        table.put(RULE_AUTHOR,        new int[] {403, 404, 403, 200, 404, 200, 403, 403, 200});
        table.put(ADMIN,              new int[] {403, 404, 400, 200, 404, 200, 200, 200, 200});
        table.put(AUDITOR,            new int[] {403, 404, 403, 200, 404, 200, 200, 403, 200});
        table.put("ANONYMOUS",        new int[] {401, 401, 401, 401, 401, 401, 401, 401, 401});
        List<Arguments> rows = new ArrayList<>();
        table.forEach((who, statuses) -> {
            for (Group g : Group.values()) {
                rows.add(Arguments.of(who, g, statuses[g.ordinal()]));
            }
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("table")
    void eachRoleGetsWhatItsGroupAllows(String who, Group group, int expected) throws Exception {
        MockHttpServletRequestBuilder request = request(group.method, group.path);
        if (group.body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(group.body);
        }
        switch (who) {
            case "FEED_RECORDS" -> request.header("X-Api-Key", recordsKey);
            case "FEED_REFERENCE" -> request.header("X-Api-Key", referenceKey);
            case "ANONYMOUS" -> { }
            default -> request.with(signedIn(who));
        }
        if (group.method != HttpMethod.GET && !group.path.startsWith("/api/")) {
            request.with(csrf());
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(expected);
    }
}
