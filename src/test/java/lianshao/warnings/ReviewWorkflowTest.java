package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;

class ReviewWorkflowTest extends ApiTestSupport {

    static final String SUPERVISOR = "test-supervisor";
    static final String SUPERVISOR_2 = "test-supervisor-2";
    static final String AUDITOR = "test-auditor";
    static final String EAST = "test-east-inspector";

    @Autowired
    Users users;

    @BeforeEach
    void moreUsers() {
        users.ensure(SUPERVISOR, PASSWORD, "组长甲", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(SUPERVISOR_2, PASSWORD, "组长乙", Set.of(Role.SUPERVISOR), null);
        users.ensure(AUDITOR, PASSWORD, "审计员", Set.of(Role.AUDITOR), null);
        users.ensure(EAST, PASSWORD, "东区纪检员", Set.of(Role.INSPECTOR), "测试东区");
    }

    /** A fresh warning (PRC-01, form 2) of an organisation in 测试西区; returns its id. */
    String newWarning() throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"测试西区\" }");
        return json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
    }

    ResultActions act(String user, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String assign(String id) throws Exception {
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}").andExpect(status().isOk());
        return id;
    }

    @Test
    void assignNamesOnlyAReviewerWhoseScopeCoversTheWarning() throws Exception {
        String id = newWarning();
        // an inspector of another district does not see the warning: not its assignee
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + EAST + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(EAST)));
        // an auditor reviews nothing
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + AUDITOR + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(AUDITOR)));
        mvc.perform(get("/api/v1/warnings/" + id).with(signedIn(INSPECTOR))).andExpect(jsonPath("$.status").value("NEW"));
        // a supervisor of the whole city and an inspector of the warning's own district are fine
        String west = unique("west-insp");
        users.ensure(west, PASSWORD, "西区纪检员", Set.of(Role.INSPECTOR), "测试西区");
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + west + "\"}").andExpect(status().isOk());
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + SUPERVISOR_2 + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(SUPERVISOR_2));
    }

    @Test
    void anAdministratorAloneTakesNoReviewAction() throws Exception {
        String admin = unique("adm-only");
        users.ensure(admin, PASSWORD, "管理员", Set.of(Role.ADMIN), null);
        String id = newWarning();
        for (String body : new String[] {"{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}",
                "{\"action\": \"CONFIRM\", \"form\": 1}", "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"x\"}"}) {
            act(admin, id, body).andExpect(status().isForbidden());
        }
    }

    @Test
    void aWarningGoesFromNewThroughReviewToConfirmedAndIntoTheLoopWithAFullAuditTrail() throws Exception {
        String id = newWarning();
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED")).andExpect(jsonPath("$.assignee").value(INSPECTOR));
        act(INSPECTOR, id, "{\"action\": \"START_REVIEW\"}").andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
        act(INSPECTOR, id, "{\"action\": \"COMMENT\", \"comment\": \"已调取采购合同\"}").andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 2, \"comment\": \"属实\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.decidedForm").value(2));
        // a confirmed warning is not closed: it is dispatched to the unit (DisposalLoopTest walks the loop)
        act(INSPECTOR, id, "{\"action\": \"CLOSE\"}").andExpect(status().isConflict());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.actions.DISPATCH").value("APPLY"))
                .andExpect(jsonPath("$.history.length()").value(5))
                .andExpect(jsonPath("$.history[*].action").value(Matchers.contains(
                        "RAISED", "ASSIGN", "START_REVIEW", "COMMENT", "CONFIRM")))
                .andExpect(jsonPath("$.history[4].actor").value(INSPECTOR))
                .andExpect(jsonPath("$.history[4].fromStatus").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.history[4].toStatus").value("CONFIRMED"))
                .andExpect(jsonPath("$.history[4].comment").value("属实"))
                .andExpect(jsonPath("$.history[4].details.form").value(2));
        act(SUPERVISOR, id, "{\"action\": \"REOPEN\", \"comment\": \"新线索\"}").andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.decidedForm").doesNotExist());
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"JUSTIFIED\", \"comment\": \"已有财政批复\"}")
                .andExpect(jsonPath("$.status").value("DISMISSED")).andExpect(jsonPath("$.dismissReason").value("JUSTIFIED"));
    }

    static Stream<Arguments> refusedTransitions() {
        return Stream.of(
                Arguments.of("CLOSE", "{\"action\": \"CLOSE\"}"),
                Arguments.of("REOPEN", "{\"action\": \"REOPEN\"}"),
                Arguments.of("START_REVIEW", "{\"action\": \"START_REVIEW\"}"),
                Arguments.of("APPROVE", "{\"action\": \"APPROVE\"}"));
    }

    @ParameterizedTest(name = "{0} on a NEW warning → 409")
    @MethodSource("refusedTransitions")
    void anInvalidTransitionIs409WithTheReasonAndChangesNothing(String name, String body) throws Exception {
        String id = newWarning();
        String user = name.equals("APPROVE") ? SUPERVISOR : INSPECTOR;
        act(user, id, body).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.history.length()").value(1));
    }

    @Test
    void everyStateRefusesWhatItMustRefuse() throws Exception {
        String closed = assign(newWarning());
        act(INSPECTOR, closed, "{\"action\": \"DISMISS\", \"reason\": \"FALSE_POSITIVE\", \"comment\": \"误报\"}")
                .andExpect(status().isOk());
        act(INSPECTOR, closed, "{\"action\": \"CLOSE\"}").andExpect(status().isOk());
        for (String body : new String[] {"{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}", "{\"action\": \"CONFIRM\", \"form\": 1}",
                "{\"action\": \"DISMISS\", \"reason\": \"OTHER\", \"comment\": \"x\"}", "{\"action\": \"ESCALATE\", \"comment\": \"x\"}",
                "{\"action\": \"CLOSE\"}", "{\"action\": \"START_REVIEW\"}"}) {
            act(INSPECTOR, closed, body).andExpect(status().isConflict());
        }
        act(INSPECTOR, closed, "{\"action\": \"COMMENT\", \"comment\": \"归档备注\"}").andExpect(status().isOk());

        String escalated = newWarning();
        act(INSPECTOR, escalated, "{\"action\": \"ESCALATE\", \"comment\": \"涉及校领导，提请组长\"}")
                .andExpect(jsonPath("$.status").value("ESCALATED"));
        act(INSPECTOR, escalated, "{\"action\": \"ESCALATE\", \"comment\": \"again\"}").andExpect(status().isConflict());
        act(SUPERVISOR, escalated, "{\"action\": \"START_REVIEW\"}").andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
    }

    @Test
    void badActionsAre400NamingTheField() throws Exception {
        String id = newWarning();
        act(INSPECTOR, id, "{\"action\": \"BURN\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignee"));
        act(INSPECTOR, id, "{\"action\": \"ASSIGN\", \"assignee\": \"nobody-here\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 5}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("form"));
        act(INSPECTOR, id, "{\"action\": \"DISMISS\", \"reason\": \"BORED\", \"comment\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(INSPECTOR, id, "{\"action\": \"COMMENT\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
    }

    @Test
    void confirmingFormThreeOrFourTakesTwoPeople() throws Exception {
        String id = assign(newWarning());
        act(SUPERVISOR, id, "{\"action\": \"CONFIRM\", \"form\": 3, \"comment\": \"情节严重\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.proposedForm").value(3))
                .andExpect(jsonPath("$.proposedBy").value(SUPERVISOR))
                .andExpect(jsonPath("$.decidedForm").doesNotExist());
        // the proposer cannot approve their own proposal
        act(SUPERVISOR, id, "{\"action\": \"APPROVE\"}").andExpect(status().isConflict());
        // an inspector is no supervisor
        act(INSPECTOR, id, "{\"action\": \"APPROVE\"}").andExpect(status().isForbidden());
        act(SUPERVISOR_2, id, "{\"action\": \"APPROVE\", \"comment\": \"同意\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.decidedForm").value(3))
                .andExpect(jsonPath("$.history[*].action").value(Matchers.hasItems("PROPOSE_CONFIRM", "APPROVE")));
    }

    @Test
    void theDueDateFollowsTheFormAndOverdueWarningsAreMarkedAndCounted() throws Exception {
        String id = newWarning();
        var warning = json(getAsInspector("/api/v1/warnings/" + id).andReturn());
        LocalDateTime raised = LocalDateTime.parse(warning.get("raisedAt").asString().replace("Z", ""));
        LocalDateTime due = LocalDateTime.parse(warning.get("dueAt").asString().replace("Z", ""));
        assertThat(ChronoUnit.DAYS.between(raised, due)).isEqualTo(20);
        assertThat(warning.get("overdue").asBoolean()).isFalse();

        jdbc.sql("UPDATE warning SET due_at = ? WHERE id = ?").params(LocalDateTime.of(2026, 1, 1, 0, 0), id).update();
        String org = warning.get("orgCode").asString();
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.overdue").value(true));
        getAsInspector("/api/v1/warnings?overdue=true&orgCode=" + org).andExpect(jsonPath("$.total").value(1));
        assign(id);
        act(INSPECTOR, id, "{\"action\": \"CONFIRM\", \"form\": 2}");
        getAsInspector("/api/v1/warnings?overdue=true&orgCode=" + org).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aMutedRuleRecordsTheHitButRaisesNoNewWarning() throws Exception {
        String org = unique("SCH");
        var record = TestRecords.largeInquiry(org);
        String approver = record.get("payload").get("approverRef").asString();
        mvc.perform(post("/api/v1/mutes").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ruleId\": \"PRC-01\", \"subjectRef\": \"" + approver + "\", \"until\": \"2099-12-31\", \"reason\": \"已立项专项检查\"}"))
                .andExpect(status().isCreated());
        postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andExpect(jsonPath("$.warnings[0].status").value("MUTED"));
        getAsInspector("/api/v1/warnings?orgCode=" + org).andExpect(jsonPath("$.total").value(0));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&status=MUTED").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].ruleId").value("PRC-01"));
        // another subject is not muted
        postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andExpect(jsonPath("$.warnings[0].status").value("NEW"));
        mvc.perform(post("/api/v1/mutes").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ruleId\": \"PRC\", \"until\": \"2000-01-01\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("ruleId", "subjectRef", "until", "reason")));
    }

    @Test
    void aDistrictUserSeesOnlyTheirDistrict() throws Exception {
        String id = newWarning();
        mvc.perform(get("/api/v1/warnings/" + id).with(signedIn(EAST))).andExpect(status().isNotFound());
        String recordId = json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("recordId").asString();
        mvc.perform(get("/api/v1/records/" + recordId).with(signedIn(EAST))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warnings/" + id + "/dossier").with(signedIn(EAST))).andExpect(status().isNotFound());
        act(EAST, id, "{\"action\": \"COMMENT\", \"comment\": \"x\"}").andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/warnings?size=200").with(signedIn(EAST))).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(id);
    }

    @Test
    void openingsAreLoggedAndOnlyAuditorsAndAdminsReadTheLog() throws Exception {
        String id = newWarning();
        getAsInspector("/api/v1/warnings/" + id).andExpect(status().isOk());
        mvc.perform(get("/api/v1/access-log?username=" + INSPECTOR).with(signedIn(AUDITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("WARNING"))
                .andExpect(jsonPath("$[0].target").value(id))
                .andExpect(jsonPath("$[0].username").value(INSPECTOR));
        getAsInspector("/api/v1/access-log").andExpect(status().isForbidden());
        // an auditor reads but does not act
        act(AUDITOR, id, "{\"action\": \"COMMENT\", \"comment\": \"x\"}").andExpect(status().isForbidden());
    }

    @Test
    void bulkActionsRunOnEachWarning() throws Exception {
        String a = newWarning();
        String b = newWarning();
        mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [\"" + a + "\", \"" + b + "\", \"missing\"], \"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2)).andExpect(jsonPath("$.failed").value(1));
        getAsInspector("/api/v1/warnings/" + b).andExpect(jsonPath("$.status").value("ASSIGNED"));
        mvc.perform(post("/api/v1/warnings/bulk").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\": [\"" + a + "\"], \"action\": \"CLOSE\"}")).andExpect(jsonPath("$.done").value(0));
    }

    @Test
    void theQueueAndADossierExportToXlsxWithinScope() throws Exception {
        String id = newWarning();
        String org = json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("orgCode").asString();
        byte[] queue = mvc.perform(get("/api/v1/warnings/export?orgCode=" + org).with(signedIn(INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(queue))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("预警编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(id);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("PRC-01");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("第二种形态");
        }
        byte[] eastQueue = mvc.perform(get("/api/v1/warnings/export?orgCode=" + org).with(signedIn(EAST)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(eastQueue))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
        byte[] dossier = mvc.perform(get("/api/v1/warnings/" + id + "/dossier").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(dossier))) {
            assertThat(book.getSheet("预警").getRow(2).getCell(1).getStringCellValue()).isEqualTo("PRC-01");
            assertThat(book.getSheet("命中事实").getRow(1).getCell(0).getStringCellValue()).isEqualTo("采购总金额");
            assertThat(book.getSheet("处理记录").getRow(1).getCell(1).getStringCellValue()).isEqualTo("产生预警");
        }
    }

    @Test
    void concurrentChangesToOneWarningLoseNoUpdate() throws Exception {
        String id = newWarning();
        int version = json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("version").asInt();
        // someone else changes the warning between a reviewer's read and write
        jdbc.sql("UPDATE warning SET version = version + 1 WHERE id = ?").param(id).update();
        assertThat(json(getAsInspector("/api/v1/warnings/" + id).andReturn()).get("version").asInt()).isEqualTo(version + 1);
        act(INSPECTOR, id, "{\"action\": \"ESCALATE\", \"comment\": \"x\"}").andExpect(status().isOk());
        assertThat(Json.parse(getAsInspector("/api/v1/warnings/" + id).andReturn().getResponse().getContentAsString())
                .get("version").asInt()).isEqualTo(version + 2);
    }
}
