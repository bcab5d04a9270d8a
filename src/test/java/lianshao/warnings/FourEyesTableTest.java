package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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
 * Four eyes, as one table: every review action × suggested form 1–4 × who acts (an inspector, a
 * supervisor, the proposer of the pending proposal, a second supervisor) × whether a proposal is pending.
 * Each row posts the action on a fresh warning and checks it was applied, became a proposal, or was
 * refused without changing anything. The expectation is written out here, independently of the code.
 */
class FourEyesTableTest extends ApiTestSupport {

    static final String SUPERVISOR = "fe-supervisor";
    /** Holds both roles: proposes as an inspector, could approve as a supervisor, but never their own proposal. */
    static final String PROPOSER = "fe-proposer";
    static final String SECOND_SUPERVISOR = "fe-supervisor-2";

    enum Actor {
        INSPECTOR_(ApiTestSupport.INSPECTOR), SUPERVISOR_(SUPERVISOR), PROPOSER_(PROPOSER), SECOND_SUPERVISOR_(SECOND_SUPERVISOR);

        final String username;

        Actor(String username) {
            this.username = username;
        }

        boolean supervisor() {
            return this != INSPECTOR_;
        }
    }

    /** An action as posted, with the state it is naturally taken from when no proposal is pending. */
    enum Case {
        ASSIGN("NEW", "{\"action\": \"ASSIGN\", \"assignee\": \"" + ApiTestSupport.INSPECTOR + "\"}", "ASSIGNED"),
        START_REVIEW("ASSIGNED", "{\"action\": \"START_REVIEW\"}", "UNDER_REVIEW"),
        COMMENT("UNDER_REVIEW", "{\"action\": \"COMMENT\", \"comment\": \"已调取合同\"}", null),
        CONFIRM_1("UNDER_REVIEW", "{\"action\": \"CONFIRM\", \"form\": 1, \"comment\": \"x\"}", "CONFIRMED"),
        CONFIRM_2("UNDER_REVIEW", "{\"action\": \"CONFIRM\", \"form\": 2, \"comment\": \"x\"}", "CONFIRMED"),
        CONFIRM_3("UNDER_REVIEW", "{\"action\": \"CONFIRM\", \"form\": 3, \"comment\": \"x\"}", "CONFIRMED"),
        CONFIRM_4("UNDER_REVIEW", "{\"action\": \"CONFIRM\", \"form\": 4, \"comment\": \"x\"}", "CONFIRMED"),
        DISMISS("UNDER_REVIEW", "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"有批复\"}", "DISMISSED"),
        ESCALATE("UNDER_REVIEW", "{\"action\": \"ESCALATE\", \"comment\": \"提请组长\"}", "ESCALATED"),
        /**
         * Closing a dismissal one person made (before these rules, or before re-evaluation raised the form); a
         * confirmed warning is not closed but goes through the loop (WorkflowTableTest, DisposalLoopTest).
         */
        CLOSE("DISMISSED", "{\"action\": \"CLOSE\"}", "CLOSED"),
        REOPEN("CONFIRMED", "{\"action\": \"REOPEN\", \"comment\": \"新线索\"}", "REOPENED"),
        APPROVE("UNDER_REVIEW", "{\"action\": \"APPROVE\", \"comment\": \"同意\"}", "CONFIRMED"),
        REJECT("UNDER_REVIEW", "{\"action\": \"REJECT\", \"comment\": \"证据不足，继续核查\"}", "UNDER_REVIEW");

        final String state;
        final String body;
        final String next;

        Case(String state, String body, String next) {
            this.state = state;
            this.body = body;
            this.next = next;
        }

        Integer confirmForm() {
            return name().startsWith("CONFIRM_") ? Integer.valueOf(name().substring(8)) : null;
        }
    }

    enum Expect {
        APPLIED, PROPOSED, FORBIDDEN, REFUSED
    }

    /** The rule, written out: no single person decides a serious warning (suggested form 3–4) away. */
    static Expect expected(Case c, int suggestedForm, Actor actor, boolean pending) {
        boolean serious = suggestedForm >= 3;
        if (c == Case.APPROVE || c == Case.REJECT) {
            if (!actor.supervisor()) {
                return Expect.FORBIDDEN;
            }
            return !pending || actor == Actor.PROPOSER_ ? Expect.REFUSED : Expect.APPLIED;
        }
        if (pending) {
            // only comments while a proposal waits (the state of a pending proposal is open, so CLOSE/REOPEN are refused too)
            return c == Case.COMMENT ? Expect.APPLIED : Expect.REFUSED;
        }
        return switch (c) {
            case CONFIRM_1, CONFIRM_2, CONFIRM_3, CONFIRM_4 -> serious || c.confirmForm() >= 3 ? Expect.PROPOSED : Expect.APPLIED;
            case DISMISS, CLOSE -> serious ? Expect.PROPOSED : Expect.APPLIED;
            default -> Expect.APPLIED;
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Case c : Case.values()) {
            for (int form = 1; form <= 4; form++) {
                for (Actor actor : Actor.values()) {
                    for (boolean pending : new boolean[] {false, true}) {
                        rows.add(Arguments.of(c, form, actor, pending, expected(c, form, actor, pending)));
                    }
                }
            }
        }
        return rows.stream();
    }

    @Autowired
    Users users;

    @BeforeEach
    void people() {
        users.ensure(SUPERVISOR, PASSWORD, "组长甲", Set.of(Role.SUPERVISOR), null);
        users.ensure(PROPOSER, PASSWORD, "组长乙（兼纪检员）", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(SECOND_SUPERVISOR, PASSWORD, "组长丙（兼纪检员）", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
    }

    @ParameterizedTest(name = "{0} on suggested form {1} by {2}, proposal pending {3} → {4}")
    @MethodSource("table")
    void noSinglePersonDecidesASeriousWarningAway(Case c, int suggestedForm, Actor actor, boolean pending, Expect expect)
            throws Exception {
        String id = warning(suggestedForm, pending ? "UNDER_REVIEW" : c.state);
        if (pending) {
            // the proposer proposes confirming it at the third form
            act(PROPOSER, id, "{\"action\": \"CONFIRM\", \"form\": 3, \"comment\": \"情节严重\"}");
            JsonNode proposed = read(id);
            assertThat(proposed.path("proposedBy").asString()).isEqualTo(PROPOSER);
            assertThat(proposed.path("status").asString()).isEqualTo("UNDER_REVIEW");
        }
        JsonNode before = read(id);
        MvcResult result = act(actor.username, id, c.body);
        int http = result.getResponse().getStatus();
        JsonNode after = read(id);
        switch (expect) {
            case APPLIED -> {
                assertThat(http).as(result.getResponse().getContentAsString()).isEqualTo(200);
                assertThat(after.path("status").asString()).isEqualTo(c.next == null ? before.path("status").asString() : c.next);
                if (c == Case.APPROVE) {
                    assertThat(after.path("decidedForm").asInt()).isEqualTo(3);
                }
                if (c == Case.APPROVE || c == Case.REJECT) {
                    assertThat(after.path("proposedBy").isNull() || after.path("proposedBy").isMissingNode()).isTrue();
                }
            }
            case PROPOSED -> {
                assertThat(http).as(result.getResponse().getContentAsString()).isEqualTo(200);
                assertThat(after.path("status").asString()).isEqualTo(before.path("status").asString());
                assertThat(after.path("proposedBy").asString()).isEqualTo(actor.username);
                assertThat(after.path("decidedForm").isNull() || after.path("decidedForm").isMissingNode()
                        || after.path("decidedForm").equals(before.path("decidedForm"))).isTrue();
                assertThat(after.path("dismissReason").isNull() || after.path("dismissReason").isMissingNode()).isTrue();
            }
            case FORBIDDEN, REFUSED -> {
                assertThat(http).as(result.getResponse().getContentAsString()).isEqualTo(expect == Expect.FORBIDDEN ? 403 : 409);
                assertThat(after.path("status")).isEqualTo(before.path("status"));
                assertThat(after.path("version")).isEqualTo(before.path("version"));
                assertThat(after.path("history").size()).isEqualTo(before.path("history").size());
            }
        }
    }

    /** A fresh warning of 测试西区 with the given suggested form, put into the state (a CONFIRMED one decided alone, at that form). */
    String warning(int suggestedForm, String state) throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"测试西区\" }");
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = ?, status = ?, decided_form = ? WHERE id = ?")
                .params(suggestedForm, state, "CONFIRMED".equals(state) ? suggestedForm : null, id).update();
        return id;
    }

    MvcResult act(String user, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    JsonNode read(String id) throws Exception {
        return json(getAsInspector("/api/v1/warnings/" + id).andReturn());
    }
}
