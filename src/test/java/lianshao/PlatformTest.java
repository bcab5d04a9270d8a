package lianshao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.security.Role;
import lianshao.security.Users;

/** Health, metrics, the API description, and what is open to anonymous callers. */
class PlatformTest extends ApiTestSupport {

    @Autowired
    Users users;

    @Test
    void healthIsAnonymousWithTheStatusOnlyAndShowsAnAdministratorTheDatabaseAndTheRuleSetVersion() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist());
        users.ensure("test-admin", PASSWORD, "测试管理员", Set.of(Role.ADMIN), null);
        mvc.perform(get("/actuator/health").with(httpBasic("test-admin", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.ruleSet.details.version").value(org.hamcrest.Matchers.startsWith("rs-")))
                .andExpect(jsonPath("$.components.ruleSet.details.rules").value(org.hamcrest.Matchers.greaterThanOrEqualTo(5)));
    }

    @Test
    void metricsCountRecordsEvaluationsFiringsAndWarnings() throws Exception {
        users.ensure("test-admin", PASSWORD, "测试管理员", Set.of(Role.ADMIN), null);
        postJson("/api/v1/records", TestRecords.largeInquiry(TestRecords.unique("SCH")).toString()).andExpect(status().isCreated());
        postJson("/api/v1/records", "{\"domain\": \"NOPE\"}").andExpect(status().isBadRequest());
        String text = mvc.perform(get("/actuator/prometheus").with(httpBasic("test-admin", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text)
                .contains("lianshao_records_received_total{", "domain=\"PROCUREMENT\"", "outcome=\"CREATED\"", "outcome=\"REJECTED\"")
                .contains("lianshao_evaluation_latency_seconds_count{")
                .contains("lianshao_rule_firings_total{", "rule=\"PRC-01\"")
                .contains("lianshao_warnings_raised_total{", "form=\"2\"")
                .contains("lianshao_ruleset_rules");
        mvc.perform(get("/actuator/prometheus").with(httpBasic(INSPECTOR, PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theApiDescriptionIsAnonymousAndDescribesTheContract() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/records", "/api/v1/records/batch", "/api/v1/records/{recordId}", "/api/v1/warnings",
                "/api/v1/orgs/{orgCode}", "/api/v1/parties/{partyId}", "/api/v1/relations", "/api/v1/admission-plans/{orgCode}/{year}/{stage}",
                "/api/v1/sanctions", "/api/v1/calendar/{year}", "采购");
    }

    @Test
    void everythingElseNeedsSigningIn() throws Exception {
        // a browser is sent to the sign-in page, a script gets 401
        mvc.perform(get("/").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/records/anything")).andExpect(status().isUnauthorized());
    }
}
