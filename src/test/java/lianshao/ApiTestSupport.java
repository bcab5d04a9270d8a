package lianshao;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;

/**
 * Base of the tests that go through the HTTP API into the database. Tagged "database": they run on H2
 * and, in CI, again on MariaDB through MySQL Connector/J.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
public abstract class ApiTestSupport {

    public static final String KEY = "test-key-records-and-reference";
    public static final String INSPECTOR = "test-inspector";
    public static final String PASSWORD = "test-password-1";
    /** Every state-changing API call of a person carries this header (security.UserWriteHeaderFilter). */
    public static final String REQUESTED_BY = "X-Requested-By";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private Users users;
    @Autowired
    private CurrentUsers currentUsers;

    @BeforeEach
    void users() {
        users.ensure(INSPECTOR, PASSWORD, "测试纪检员", Set.of(Role.INSPECTOR), null);
    }

    /** The district in which the organisations of posted test records are registered when they are not yet. */
    public static final String TEST_DISTRICT = "清源区";

    /**
     * Posts with the test key. Records (single or batch) name registered organisations only: the
     * organisations they name are registered first, in {@link #TEST_DISTRICT}, unless they exist (tests of
     * the refusal post with {@link #postUnregistered}).
     */
    protected ResultActions postJson(String path, String body) throws Exception {
        if (path.startsWith("/api/v1/records")) {
            registerOrgsOf(body);
        }
        return postUnregistered(path, body);
    }

    /** Posts with the test key, registering nothing first. */
    protected ResultActions postUnregistered(String path, String body) throws Exception {
        return mvc.perform(withKey(post(path)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Registers the organisations named by the record or batch of records in the body, if it is one. */
    protected void registerOrgsOf(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException notJson) {
            return;
        }
        java.util.List<JsonNode> records = new java.util.ArrayList<>();
        if (json != null && json.isObject() && json.get("records") != null && json.get("records").isArray()) {
            json.get("records").forEach(records::add);
        } else if (json != null) {
            records.add(json);
        }
        for (JsonNode record : records) {
            JsonNode org = record != null && record.isObject() ? record.get("orgCode") : null;
            if (org != null && org.isString() && !org.asString().isBlank() && org.asString().length() <= 64) {
                registerOrg(org.asString(), TEST_DISTRICT);
            }
        }
    }

    /** Registers the organisation in the district unless it is registered already. */
    protected void registerOrg(String code, String district) {
        if (jdbc.sql("SELECT COUNT(*) FROM org WHERE code = ?").param(code).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO org (code, name, type, district, parent_code, updated_at) VALUES (?, ?, 'SCHOOL', ?, NULL, ?)")
                    .params(code, "测试学校 " + code, district, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0)).update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // registered meanwhile by a concurrent post of the same test
        }
    }

    protected ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(withKey(put(path)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected ResultActions getAsInspector(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(INSPECTOR)));
    }

    /**
     * A request made by the stored user with their stored roles, without checking the password each
     * time (BCrypt is slow by design; sign-in itself is tested on its own).
     */
    protected RequestPostProcessor signedIn(String username) {
        CurrentUser user = currentUsers.find(username).orElseThrow();
        return withRequestedBy(SecurityMockMvcRequestPostProcessors.user(username)
                .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
    }

    /** A person's request with HTTP Basic credentials, as the API's own clients make it. */
    public static RequestPostProcessor basic(String username, String password) {
        return withRequestedBy(SecurityMockMvcRequestPostProcessors.httpBasic(username, password));
    }

    /** Adds the header that marks a person's API call as not made by another site. */
    public static RequestPostProcessor withRequestedBy(RequestPostProcessor authentication) {
        return request -> {
            request.addHeader(REQUESTED_BY, "lianshao");
            return authentication.postProcessRequest(request);
        };
    }

    protected static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return request.header("X-Api-Key", KEY);
    }

    protected static JsonNode json(MvcResult result) throws Exception {
        return Json.parse(result.getResponse().getContentAsByteArray());
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Rows of the tables a rejected request must leave untouched. */
    protected long[] storedRows() {
        return new long[] {count("record"), count("record_revision"), count("record_key"), count("warning"), count("evaluation")};
    }
}
