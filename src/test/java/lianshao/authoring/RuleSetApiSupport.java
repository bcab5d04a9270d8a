package lianshao.authoring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.rules.ActiveRuleSet;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;

/**
 * Rule-set API tests: two rule authors and an administrator, drafts made from the active version, and
 * the active version restored after each test so other tests see the repository's rules.
 */
abstract class RuleSetApiSupport extends ApiTestSupport {

    static final String AUTHOR = "test-author-1";
    static final String OTHER_AUTHOR = "test-author-2";
    static final String ADMIN = "test-admin";
    static final String PRC01 = "procurement/PRC-01-open-tender-avoided.drl";

    @Autowired
    Users users;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    RuleSetLifecycle lifecycle;

    int originalVersion;

    @BeforeEach
    void authors() {
        users.ensure(AUTHOR, PASSWORD, "规则作者一", Set.of(Role.RULE_AUTHOR), null);
        users.ensure(OTHER_AUTHOR, PASSWORD, "规则作者二", Set.of(Role.RULE_AUTHOR), null);
        users.ensure(ADMIN, PASSWORD, "管理员", Set.of(Role.ADMIN), null);
        originalVersion = active.deployment().number();
    }

    @AfterEach
    void restoreTheActiveVersion() throws Exception {
        if (active.deployment().number() != originalVersion) {
            lifecycle.rollback(originalVersion, ADMIN).get();
        }
    }

    ResultActions as(String user, String method, String path, String body) throws Exception {
        var request = (method.equals("GET") ? get(path) : post(path)).with(basic(user, PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    /** A draft from the active version with the given file changes; returns its number. */
    int draft(String author, Map<String, String> files) throws Exception {
        var body = Json.MAPPER.createObjectNode();
        body.put("parent", active.deployment().number());
        body.put("comment", "测试修改 / test change");
        var changes = body.putObject("files");
        files.forEach((path, text) -> {
            if (text == null) {
                changes.putNull(path);
            } else {
                changes.put(path, text);
            }
        });
        return json(as(author, "POST", "/api/v1/rule-sets", body.toString()).andExpect(status().isCreated()).andReturn())
                .get("version").asInt();
    }

    String fileOf(int version, String path) throws Exception {
        return json(as(AUTHOR, "GET", "/api/v1/rule-sets/" + version, null).andExpect(status().isOk()).andReturn())
                .path("files").path(path).asString();
    }

    /** The paths of a version's files. */
    List<String> filesOf(int version) throws Exception {
        List<String> paths = new ArrayList<>();
        json(as(AUTHOR, "GET", "/api/v1/rule-sets/" + version, null).andExpect(status().isOk()).andReturn())
                .path("files").propertyNames().forEach(paths::add);
        return paths;
    }

    /** Submitted by the author, approved by the other author, active when this returns. */
    JsonNode deploy(int version) throws Exception {
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().isOk());
        return json(as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/approve?wait=true&activeVersion=" + active.deployment().number(), null)
                .andExpect(status().isOk()).andReturn());
    }
}
