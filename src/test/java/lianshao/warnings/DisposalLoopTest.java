package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The closed loop through the API, as the people walk it: a form-2 warning dispatched to a school, replied to by
 * the school's liaison, returned once, replied again and accepted (销号), and the same problem again raising
 * 整改不到位 one form higher; a form-4 warning handed over under four eyes with a referral number, its receipt and
 * outcome, and its referral letter.
 */
class DisposalLoopTest extends ApiTestSupport {

    static final String SUPERVISOR = "loop-supervisor";
    static final String SUPERVISOR_2 = "loop-supervisor-2";
    static final String DISTRICT = "闭环区";

    @Autowired
    Users users;

    String school;
    String unitUser;

    @BeforeEach
    void people() throws Exception {
        users.ensure(SUPERVISOR, PASSWORD, "组长甲", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(SUPERVISOR_2, PASSWORD, "组长乙", Set.of(Role.SUPERVISOR), null);
        school = unique("SCH");
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"闭环测试学校\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        unitUser = unique("unit").toLowerCase();
        users.ensure(unitUser, PASSWORD, "学校联络人", Set.of(Role.UNIT), DISTRICT, Set.of(school));
    }

    /** A fresh warning of the school at the given suggested form, under review. */
    String warning(int form) throws Exception {
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = ?, highest_form = ?, status = 'UNDER_REVIEW' WHERE id = ?").params(form, form, id).update();
        return id;
    }

    ResultActions act(String user, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions unit(String user, String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + path).with(signedIn(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aFormTwoWarningIsDispatchedRepliedReturnedRepliedAgainAcceptedAndItsRecurrenceIsOneFormHigher() throws Exception {
        String id = warning(2);
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 2}").andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.actions.DISPATCH").value("APPLY"))
                .andExpect(jsonPath("$.actions.HAND_OVER").value("CONFLICT"))
                .andExpect(jsonPath("$.actions.CLOSE").value("CONFLICT"));
        // a confirmed warning is not closed: it goes through the loop
        act(INSPECTOR, id, "{\"action\": \"CLOSE\"}").andExpect(status().isConflict());
        act(INSPECTOR, id, "{\"action\": \"DISPATCH\", \"unitOrg\": \"" + school + "\", \"workingDays\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("responsiblePerson", "workingDays")));
        act(INSPECTOR, id, "{\"action\": \"DISPATCH\", \"unitOrg\": \"NO-SUCH-ORG\", \"responsiblePerson\": \"王校长\", \"workingDays\": 10}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitOrg"));
        act(INSPECTOR, id, "{\"action\": \"DISPATCH\", \"unitOrg\": \"" + school + "\", \"responsiblePerson\": \"王校长\", "
                + "\"workingDays\": 10, \"comment\": \"限期整改\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECTIFYING"))
                .andExpect(jsonPath("$.disposal.unitOrg").value(school))
                .andExpect(jsonPath("$.disposal.responsiblePerson").value("王校长"))
                .andExpect(jsonPath("$.dueAt").isNotEmpty())
                .andExpect(jsonPath("$.priority").value("NORMAL"))
                .andExpect(jsonPath("$.history[-1].action").value("DISPATCH"))
                .andExpect(jsonPath("$.history[-1].details.workingDays").value(10));
        JsonNode dispatched = json(getAsInspector("/api/v1/warnings/" + id).andReturn());
        // ten working days are at least two weeks
        java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(dispatched.get("dueAt").asString());
        assertThat(due).isAfter(java.time.OffsetDateTime.now().plusDays(13));

        // the unit sees its task and replies; an inspector cannot reply for it
        mvc.perform(get("/api/v1/tasks").with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(id)));
        mvc.perform(get("/api/v1/tasks/" + id).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING")).andExpect(jsonPath("$.responsiblePerson").value("王校长"))
                .andExpect(jsonPath("$.evidence").doesNotExist());
        act(INSPECTOR, id, "{\"action\": \"REPLY\", \"explanation\": \"x\", \"report\": \"y\"}").andExpect(status().isForbidden());
        unit(unitUser, id + "/reply", "{\"explanation\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("explanation", "report")));
        unit(unitUser, id + "/extension", "{\"reason\": \"需要招标重新采购\", \"workingDays\": 5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.extension.workingDays").value(5));
        unit(unitUser, id + "/extension", "{\"reason\": \"再延\", \"workingDays\": 5}").andExpect(status().isConflict());
        act(INSPECTOR, id, "{\"action\": \"GRANT_EXTENSION\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.disposal.extension").doesNotExist())
                .andExpect(jsonPath("$.history[-1].details.workingDays").value(5));
        java.time.OffsetDateTime extended = java.time.OffsetDateTime.parse(
                json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("dueAt").asString());
        assertThat(extended).isAfter(due.plusDays(6));
        unit(unitUser, id + "/reply", "{\"explanation\": \"已说明\", \"report\": \"第一次整改报告\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED")).andExpect(jsonPath("$.report").value("第一次整改报告"));

        act(INSPECTOR, id, "{\"action\": \"RETURN\", \"workingDays\": 5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(INSPECTOR, id, "{\"action\": \"RETURN\", \"reason\": \"整改措施不具体\", \"workingDays\": 5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED")).andExpect(jsonPath("$.disposal.returnReason").value("整改措施不具体"))
                .andExpect(jsonPath("$.disposal.returnCount").value(1));
        mvc.perform(get("/api/v1/tasks/" + id).with(signedIn(unitUser))).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("整改措施不具体"));
        unit(unitUser, id + "/reply", "{\"explanation\": \"已补充\", \"report\": \"第二次整改报告\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"));
        act(INSPECTOR, id, "{\"action\": \"ACCEPT\", \"comment\": \"整改到位，销号\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFIED")).andExpect(jsonPath("$.disposal.rectifiedAt").isNotEmpty())
                .andExpect(jsonPath("$.actions.REOPEN").value("CONFLICT"));
        // both reports stay in the audit
        getAsInspector("/api/v1/warnings/" + id)
                .andExpect(jsonPath("$.history[?(@.action == 'REPLY')].details.report")
                        .value(org.hamcrest.Matchers.contains("第一次整改报告", "第二次整改报告")));

        // the same kind of record again: 整改不到位, linked, one form higher (R1)
        JsonNode again = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0);
        String recurrence = again.get("id").asString();
        getAsInspector("/api/v1/warnings/" + recurrence).andExpect(jsonPath("$.recurrenceOf").value(id))
                .andExpect(jsonPath("$.message").value(startsWith("整改不到位")))
                .andExpect(jsonPath("$.grading.steps[*].step").value(hasItem("R1")));
        JsonNode steps = json(getAsInspector("/api/v1/warnings/" + recurrence).andReturn()).get("grading").get("steps");
        for (JsonNode step : steps) {
            if (step.get("step").asString().equals("R1")) {
                assertThat(step.get("toForm").asInt()).isEqualTo(step.get("fromForm").asInt() + 1);
            }
        }
    }

    @Test
    void aFormFourWarningIsHandedOverOnlyWithASecondSupervisorsApprovalGetsAReferralNumberReceiptAndOutcome() throws Exception {
        String id = warning(4);
        act(SUPERVISOR, id, "{\"action\": \"CONFIRM\", \"form\": 4}").andExpect(jsonPath("$.proposal.action").value("CONFIRM"));
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\"}").andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.actions.DISPATCH").value("CONFLICT"));
        act(INSPECTOR, id, "{\"action\": \"DISPATCH\", \"unitOrg\": \"" + school + "\", \"responsiblePerson\": \"王\", \"workingDays\": 5}")
                .andExpect(status().isConflict());
        act(INSPECTOR, id, "{\"action\": \"HAND_OVER\", \"target\": \"CASE_REVIEW\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target"));
        act(SUPERVISOR, id, "{\"action\": \"HAND_OVER\", \"target\": \"COMMISSION\", \"comment\": \"涉嫌职务违法\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.proposal.action").value("HAND_OVER"))
                .andExpect(jsonPath("$.history[-1].action").value("PROPOSE_HAND_OVER"));
        mvc.perform(get("/api/v1/supervision").with(signedIn(SUPERVISOR_2))).andExpect(status().isOk())
                .andExpect(jsonPath("$.handovers[*].id").value(hasItem(id)));
        mvc.perform(get("/api/v1/warnings/" + id + "/referral-letter").with(signedIn(INSPECTOR))).andExpect(status().isConflict());
        act(SUPERVISOR, id, "{\"action\": \"APPROVE\"}").andExpect(status().isConflict());
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDED_OVER"))
                .andExpect(jsonPath("$.disposal.handoverTarget").value("COMMISSION"))
                .andExpect(jsonPath("$.disposal.referralNo").value(matchesPattern("廉移〔\\d{4}〕\\d{4}号")))
                .andExpect(jsonPath("$.actions.REOPEN").value("CONFLICT"))
                .andExpect(jsonPath("$.actions.COMMENT").value("APPLY"));
        String number = json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("disposal").get("referralNo").asString();

        // locked: nothing but receipt, outcome and comments
        act(INSPECTOR, id, "{\"action\": \"REOPEN\"}").andExpect(status().isConflict());
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/warnings/" + id + "/referral-letter").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(number)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("纪委监委")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script"))));
        act(INSPECTOR, id, "{\"action\": \"RECEIPT\", \"comment\": \"区纪委监委案件监督管理室已签收\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDED_OVER")).andExpect(jsonPath("$.disposal.receipt").isNotEmpty());
        // a lower final form is a downgrade: a proposal
        act(INSPECTOR, id, "{\"action\": \"OUTCOME\", \"form\": 3, \"comment\": \"给予党内严重警告处分\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDED_OVER")).andExpect(jsonPath("$.proposal.action").value("OUTCOME"))
                .andExpect(jsonPath("$.proposal.form").value(3));
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONCLUDED")).andExpect(jsonPath("$.disposal.outcomeForm").value(3))
                .andExpect(jsonPath("$.disposal.outcome").value("给予党内严重警告处分"))
                .andExpect(jsonPath("$.disposal.referralNo").value(number));

        // the next handover of the year gets the next number
        String other = warning(3);
        act(SUPERVISOR, other, "{\"action\": \"CONFIRM\", \"form\": 3}");
        act(SUPERVISOR_2, other, "{\"action\": \"APPROVE\"}");
        act(SUPERVISOR, other, "{\"action\": \"HAND_OVER\", \"target\": \"CASE_REVIEW\"}").andExpect(status().isOk());
        String next = json(act(SUPERVISOR_2, other, "{\"action\": \"APPROVE\"}").andExpect(status().isOk()).andReturn())
                .get("disposal").get("referralNo").asString();
        // 廉移〔YYYY〕NNNN号: the same year, a higher number
        assertThat(Integer.parseInt(next.substring(8, 12))).isGreaterThan(Integer.parseInt(number.substring(8, 12)));
        assertThat(next.substring(0, 8)).isEqualTo(number.substring(0, 8));
    }

    @Test
    void aUnitUserSeesOnlyItsOwnOrganisationsTasksAndNoWarningEndpoint() throws Exception {
        String id = warning(1);
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 1}");
        act(INSPECTOR, id, "{\"action\": \"DISPATCH\", \"unitOrg\": \"" + school + "\", \"responsiblePerson\": \"李\", \"workingDays\": 3}")
                .andExpect(status().isOk());
        String otherSchool = unique("SCH");
        putJson("/api/v1/orgs/" + otherSchool, "{ \"name\": \"另一所学校\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }");
        String otherUnit = unique("unit").toLowerCase();
        users.ensure(otherUnit, PASSWORD, "另一联络人", Set.of(Role.UNIT), DISTRICT, Set.of(otherSchool));

        mvc.perform(get("/api/v1/tasks").with(signedIn(otherUnit))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.not(hasItem(id))));
        mvc.perform(get("/api/v1/tasks/" + id).with(signedIn(otherUnit))).andExpect(status().isNotFound());
        unit(otherUnit, id + "/reply", "{\"explanation\": \"x\", \"report\": \"y\"}").andExpect(status().isNotFound());
        unit(otherUnit, id + "/extension", "{\"reason\": \"x\", \"workingDays\": 2}").andExpect(status().isNotFound());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("RECTIFYING"))
                .andExpect(jsonPath("$.disposal.repliedAt").doesNotExist());

        for (String path : new String[] {"/api/v1/warnings", "/api/v1/warnings/" + id, "/api/v1/warnings/" + id + "/dossier",
                "/api/v1/warnings/export", "/api/v1/supervision", "/api/v1/mutes", "/api/v1/access-log", "/api/v1/rule-sets"}) {
            mvc.perform(get(path).with(signedIn(unitUser))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(unitUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"REPLY\", \"explanation\": \"x\", \"report\": \"y\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/warnings/next").with(signedIn(unitUser))).andExpect(status().isForbidden());
        // the unit's own task is there, and its liaison was told of it in the inbox; the other unit was not
        mvc.perform(get("/api/v1/tasks/" + id).with(signedIn(unitUser))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/inbox").with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.warningId == '" + id + "')].kind").value(hasItem("ASSIGNED")));
        mvc.perform(get("/api/v1/inbox").with(signedIn(otherUnit))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        // reviewers do not use the unit's endpoints
        mvc.perform(get("/api/v1/tasks").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
    }
}
