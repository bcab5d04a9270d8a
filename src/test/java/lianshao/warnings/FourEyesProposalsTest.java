package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/** The life of a four-eyes proposal: made, shown, approved or rejected, voided by a reopening; bulk paths. */
class FourEyesProposalsTest extends ApiTestSupport {

    static final String SUPERVISOR = "fp-supervisor";
    static final String SUPERVISOR_2 = "fp-supervisor-2";

    @Autowired
    Users users;

    @BeforeEach
    void people() {
        users.ensure(SUPERVISOR, PASSWORD, "组长甲", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(SUPERVISOR_2, PASSWORD, "组长乙", Set.of(Role.SUPERVISOR), null);
    }

    /** A fresh warning, its suggested form set as re-grading would, in the given state. */
    String warning(int form, String state) throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"测试西区\" }");
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = ?, status = ? WHERE id = ?").params(form, state, id).update();
        return id;
    }

    ResultActions act(String user, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aDismissalOfASeriousWarningIsAProposalShownWithWhoWhatWhenAndWhyUntilAnotherSupervisorApprovesIt() throws Exception {
        String id = warning(3, "UNDER_REVIEW");
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.actions.DISMISS").value("PROPOSE"))
                .andExpect(jsonPath("$.actions.CONFIRM").value("PROPOSE"))
                .andExpect(jsonPath("$.actions.APPROVE").value("FORBIDDEN"));
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"已有财政批复\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.dismissReason").doesNotExist())
                .andExpect(jsonPath("$.proposal.action").value("DISMISS"))
                .andExpect(jsonPath("$.proposal.reason").value("JUSTIFIED"))
                .andExpect(jsonPath("$.proposal.comment").value("已有财政批复"))
                .andExpect(jsonPath("$.proposal.by").value(INSPECTOR))
                .andExpect(jsonPath("$.proposal.at").isNotEmpty())
                .andExpect(jsonPath("$.proposedBy").value(INSPECTOR))
                .andExpect(jsonPath("$.actions.DISMISS").value("CONFLICT"))
                .andExpect(jsonPath("$.history[-1].action").value("PROPOSE_DISMISS"));
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\", \"comment\": \"同意排除\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.dismissReason").value("JUSTIFIED"))
                .andExpect(jsonPath("$.approvedBy").value(SUPERVISOR_2))
                .andExpect(jsonPath("$.proposal").doesNotExist())
                .andExpect(jsonPath("$.history[-1].action").value("APPROVE"))
                .andExpect(jsonPath("$.history[-1].details.approved").value("DISMISS"))
                .andExpect(jsonPath("$.history[-1].details.proposedBy").value(INSPECTOR));
        // closing files a decision two people made: one person does it
        act(INSPECTOR, id, "{\"action\": \"CLOSE\"}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aSupervisorAloneNeitherDismissesNorDowngradesASeriousWarningNorApprovesTheirOwnProposal() throws Exception {
        String id = warning(4, "UNDER_REVIEW");
        act(SUPERVISOR, id, "{\"action\": \"CONFIRM\", \"form\": 1, \"comment\": \"情节轻微\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW")).andExpect(jsonPath("$.decidedForm").doesNotExist())
                .andExpect(jsonPath("$.proposal.action").value("CONFIRM")).andExpect(jsonPath("$.proposal.form").value(1));
        act(SUPERVISOR, id, "{\"action\": \"APPROVE\"}").andExpect(status().isConflict());
        act(SUPERVISOR, id, "{\"action\": \"REJECT\", \"comment\": \"撤回\"}").andExpect(status().isConflict());
        act(SUPERVISOR, id, "{\"action\": \"DISMISS\", \"reason\": \"OTHER\", \"comment\": \"x\"}").andExpect(status().isConflict());
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.decidedForm").value(1))
                .andExpect(jsonPath("$.approvedBy").value(SUPERVISOR_2));
    }

    @Test
    void aRejectionNeedsAReasonClearsTheProposalAndSendsTheWarningBackToReview() throws Exception {
        String id = warning(3, "ASSIGNED");
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"FALSE_POSITIVE\", \"comment\": \"误报\"}").andExpect(status().isOk());
        act(SUPERVISOR, id, "{\"action\": \"REJECT\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        act(INSPECTOR, id, "{\"action\": \"REJECT\", \"comment\": \"x\"}").andExpect(status().isForbidden());
        act(SUPERVISOR, id, "{\"action\": \"REJECT\", \"comment\": \"证据表明确有违规，继续核查\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.proposal").doesNotExist())
                .andExpect(jsonPath("$.proposedBy").doesNotExist())
                .andExpect(jsonPath("$.dismissReason").doesNotExist())
                .andExpect(jsonPath("$.history[-1].action").value("REJECT"))
                .andExpect(jsonPath("$.history[-1].actor").value(SUPERVISOR))
                .andExpect(jsonPath("$.history[-1].comment").value("证据表明确有违规，继续核查"))
                .andExpect(jsonPath("$.history[-1].details.rejected").value("DISMISS"))
                .andExpect(jsonPath("$.history[-1].details.proposedBy").value(INSPECTOR));
        // the review goes on: a new proposal can be made
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 3}").andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.form").value(3));
    }

    @Test
    void closingASeriousDismissalNoSecondPersonApprovedIsAProposalAndAReopeningVoidsIt() throws Exception {
        // dismissed at the second form by one person; re-evaluation then raised the suggested form to 3
        String id = warning(2, "UNDER_REVIEW");
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"有批复\"}")
                .andExpect(jsonPath("$.status").value("DISMISSED"));
        jdbc.sql("UPDATE warning SET form = 3 WHERE id = ?").param(id).update();
        act(INSPECTOR, id, "{\"action\": \"CLOSE\", \"comment\": \"归档\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.proposal.action").value("CLOSE"))
                .andExpect(jsonPath("$.history[-1].action").value("PROPOSE_CLOSE"));
        act(INSPECTOR, id, "{\"action\": \"REOPEN\", \"comment\": \"形态升高，重新核查\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.proposal").doesNotExist())
                .andExpect(jsonPath("$.dismissReason").doesNotExist())
                .andExpect(jsonPath("$.history[*].action").value(Matchers.hasItems("PROPOSAL_CLEARED", "REOPEN")));
        // a CLOSE proposal approved by another supervisor closes it
        String other = warning(2, "UNDER_REVIEW");
        act(INSPECTOR, other, "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"有批复\"}");
        jdbc.sql("UPDATE warning SET form = 4 WHERE id = ?").param(other).update();
        act(SUPERVISOR, other, "{\"action\": \"CLOSE\"}").andExpect(jsonPath("$.proposal.action").value("CLOSE"));
        act(SUPERVISOR_2, other, "{\"action\": \"APPROVE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.approvedBy").value(SUPERVISOR_2));
    }

    @Test
    void aConfirmedWarningIsNeverClosedButGoesThroughTheLoop() throws Exception {
        String id = warning(2, "UNDER_REVIEW");
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 2}").andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.actions.CLOSE").value("CONFLICT"));
        act(SUPERVISOR, id, "{\"action\": \"CLOSE\"}").andExpect(status().isConflict());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.proposal").doesNotExist());
    }

    @Test
    void bulkActionsNeverPassAPendingProposalAndProposeWhereASingleActionWould() throws Exception {
        String pending = warning(2, "UNDER_REVIEW");
        act(INSPECTOR, pending, "{\"action\": \"CONFIRM\", \"form\": 3}").andExpect(jsonPath("$.proposal.form").value(3));
        String serious = warning(3, "UNDER_REVIEW");
        // a serious dismissal one person made (before these rules): closing it needs a second person
        jdbc.sql("UPDATE warning SET status = 'DISMISSED', dismiss_reason = 'JUSTIFIED' WHERE id = ?").param(serious).update();
        String plain = warning(2, "UNDER_REVIEW");
        act(INSPECTOR, plain, "{\"action\": \"DISMISS\", \"reason\": \"FALSE_POSITIVE\", \"comment\": \"误报\"}")
                .andExpect(jsonPath("$.status").value("DISMISSED"));
        mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"" + pending + "\", \"" + serious + "\", \"" + plain + "\"], \"action\": \"CLOSE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(1)).andExpect(jsonPath("$.proposed").value(1))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.results[0].outcome").value("REFUSED"))
                .andExpect(jsonPath("$.results[0].refusal").value("CONFLICT"))
                .andExpect(jsonPath("$.results[0].reason").value(Matchers.containsString("pending")))
                .andExpect(jsonPath("$.results[1].outcome").value("PROPOSED"))
                .andExpect(jsonPath("$.results[1].status").value("DISMISSED"))
                .andExpect(jsonPath("$.results[2].outcome").value("APPLIED"))
                .andExpect(jsonPath("$.results[2].status").value("CLOSED"));
        getAsInspector("/api/v1/warnings/" + serious).andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.proposal.action").value("CLOSE")).andExpect(jsonPath("$.proposal.by").value(INSPECTOR));
        mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"" + pending + "\"], \"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}"))
                .andExpect(jsonPath("$.done").value(0)).andExpect(jsonPath("$.refused").value(1));
        getAsInspector("/api/v1/warnings/" + pending).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.proposal.by").value(INSPECTOR));
    }

    @Test
    void aWarningOnceSuggestedSeriousStaysSeriousWhenARepostedRecordLowersItsForm() throws Exception {
        String org = unique("SCH");
        var record = TestRecords.largeInquiry(org);
        String id = json(postJson("/api/v1/records", record.toString()).andReturn()).get("warnings").get(0).get("id").asString();
        // as if an earlier revision had been graded to the third form
        jdbc.sql("UPDATE warning SET form = 3, highest_form = 3, status = 'UNDER_REVIEW' WHERE id = ?").param(id).update();
        TestRecords.set(record, "payload.amount", lianshao.support.Json.parse("2600000.00"));
        postJson("/api/v1/records", record.toString()).andExpect(status().is2xxSuccessful());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.form").value(2)).andExpect(jsonPath("$.highestForm").value(3));
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"DATA_ERROR\", \"comment\": \"数据已更正\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.proposal.action").value("DISMISS"));
    }
}
