package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * Bulk confirm, dismiss and close follow the single action's four-eyes rules exactly: for each case of the table
 * (suggested form 1–4, the form asked for, the person, a proposal already pending), the same action is taken one by
 * one on one warning and in bulk on a twin, and the two must end alike: applied, proposed or refused, in the same
 * state with the same proposal.
 */
class BulkFourEyesTest extends ApiTestSupport {

    static final String SUPERVISOR = "bulk-supervisor";
    static final String SUPERVISOR_2 = "bulk-supervisor-2";
    static final String AUDITOR = "bulk-auditor";

    @Autowired
    Users users;

    @BeforeEach
    void people() {
        users.ensure(SUPERVISOR, PASSWORD, "组长甲", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(SUPERVISOR_2, PASSWORD, "组长乙", Set.of(Role.SUPERVISOR), null);
        users.ensure(AUDITOR, PASSWORD, "审计员", Set.of(Role.AUDITOR), null);
    }

    /** suggested form, state, pending proposal's maker (or null), person, action body (without ids). */
    static Stream<Arguments> cases() {
        String dismiss = "\"action\": \"DISMISS\", \"reason\": \"FALSE_POSITIVE\", \"comment\": \"误报\"";
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int suggested = 1; suggested <= 4; suggested++) {
            for (int form = 1; form <= 4; form++) {
                cases.add(Arguments.of(suggested, "UNDER_REVIEW", null, INSPECTOR, "\"action\": \"CONFIRM\", \"form\": " + form));
            }
            cases.add(Arguments.of(suggested, "UNDER_REVIEW", null, SUPERVISOR_2, "\"action\": \"CONFIRM\", \"form\": " + suggested));
            cases.add(Arguments.of(suggested, "UNDER_REVIEW", null, INSPECTOR, dismiss));
            cases.add(Arguments.of(suggested, "UNDER_REVIEW", null, SUPERVISOR, dismiss));
            cases.add(Arguments.of(suggested, "DISMISSED", null, INSPECTOR, "\"action\": \"CLOSE\""));
        }
        // a proposal pending: neither the proposer nor anyone else passes it by confirming or dismissing again
        cases.add(Arguments.of(3, "UNDER_REVIEW", INSPECTOR, INSPECTOR, "\"action\": \"CONFIRM\", \"form\": 3"));
        cases.add(Arguments.of(3, "UNDER_REVIEW", SUPERVISOR, SUPERVISOR, dismiss));
        cases.add(Arguments.of(2, "UNDER_REVIEW", INSPECTOR, SUPERVISOR_2, dismiss));
        // not a reviewer; a state that does not allow it
        cases.add(Arguments.of(2, "UNDER_REVIEW", null, AUDITOR, dismiss));
        cases.add(Arguments.of(2, "CLOSED", null, INSPECTOR, "\"action\": \"CONFIRM\", \"form\": 2"));
        return cases.build();
    }

    @ParameterizedTest(name = "[{index}] form {0}, {1}, pending by {2}: {3} {4}")
    @MethodSource("cases")
    void bulkEndsExactlyAsTheSingleActionDoes(int suggested, String state, String pendingBy, String user, String action)
            throws Exception {
        String single = warning(suggested, state, pendingBy);
        String twin = warning(suggested, state, pendingBy);

        MvcResult one = mvc.perform(post("/api/v1/warnings/" + single + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content("{" + action + "}")).andReturn();
        JsonNode bulk = json(mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\": [\"" + twin + "\"], " + action + "}")).andExpect(status().isOk()).andReturn());

        JsonNode line = bulk.get("results").get(0);
        assertThat(line.get("id").asString()).isEqualTo(twin);
        assertThat(line.get("outcome").asString()).isEqualTo(outcomeOf(one, user));
        if (one.getResponse().getStatus() != 200) {
            assertThat(line.get("refusal").asString()).isEqualTo(one.getResponse().getStatus() == 403 ? "FORBIDDEN" : "CONFLICT");
            assertThat(line.get("reason").asString()).isNotBlank();
        }
        assertThat(stateOf(twin)).isEqualTo(stateOf(single));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_action WHERE warning_id = ?").param(twin).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM warning_action WHERE warning_id = ?").param(single).query(Long.class).single());
    }

    @Test
    void aBodyWrongForEveryWarningIsRefusedOnceNamingTheField() throws Exception {
        String id = warning(2, "UNDER_REVIEW", null);
        mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"" + id + "\"], \"action\": \"CONFIRM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("form"));
        assertThat(stateOf(id)).startsWith("UNDER_REVIEW|");
    }

    private static String outcomeOf(MvcResult single, String user) throws Exception {
        if (single.getResponse().getStatus() != 200) {
            return "REFUSED";
        }
        JsonNode body = lianshao.support.Json.parse(single.getResponse().getContentAsString());
        JsonNode proposal = body.get("proposal");
        return proposal != null && !proposal.isNull() && user.equals(proposal.get("by").asString()) ? "PROPOSED" : "APPLIED";
    }

    /** What the four-eyes rules act on: state, decided form, dismissal reason and the pending proposal. */
    private String stateOf(String id) {
        return jdbc.sql("SELECT status, decided_form, dismiss_reason, proposed_action, proposed_form, proposed_reason, proposed_by "
                + "FROM warning WHERE id = ?").param(id).query((rs, n) -> rs.getString(1) + "|" + rs.getObject(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getObject(5) + "|" + rs.getString(6) + "|" + rs.getString(7))
                .single();
    }

    /** A fresh warning at the suggested form in the given state; with a CONFIRM proposal at that form when pendingBy is set. */
    private String warning(int suggested, String state, String pendingBy) throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"批量测试学校\", \"type\": \"SCHOOL\", \"district\": \"批量区\" }");
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = ?, highest_form = ?, status = ? WHERE id = ?").params(suggested, suggested, state, id)
                .update();
        if ("DISMISSED".equals(state)) {
            jdbc.sql("UPDATE warning SET dismiss_reason = 'FALSE_POSITIVE' WHERE id = ?").param(id).update();
        }
        if (pendingBy != null) {
            jdbc.sql("UPDATE warning SET proposed_action = 'CONFIRM', proposed_form = ?, proposed_by = ?, proposed_at = CURRENT_TIMESTAMP "
                    + "WHERE id = ?").params(suggested, pendingBy, id).update();
        }
        return id;
    }
}
