package lianshao.console;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/** The console's pages, signed in as the stored users, with their data scope and roles. */
class ConsoleReviewPagesTest extends ApiTestSupport {

    static final String SUPERVISOR = "console-supervisor";
    static final String AUDITOR = "console-auditor";
    static final String ADMIN = "console-admin";
    static final String EAST = "console-east-inspector";
    static final String WEST = "测试西区";

    @Autowired
    Users users;

    String org;
    String person;
    String warning;

    @BeforeEach
    void setUp() throws Exception {
        users.ensure(SUPERVISOR, PASSWORD, "组长丙", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure(AUDITOR, PASSWORD, "审计员丁", Set.of(Role.AUDITOR), null);
        users.ensure(ADMIN, PASSWORD, "管理员戊", Set.of(Role.ADMIN), null);
        users.ensure(EAST, PASSWORD, "东区纪检员", Set.of(Role.INSPECTOR), "测试东区");
        org = unique("SCH");
        person = unique("P");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试西区学校\", \"type\": \"SCHOOL\", \"district\": \"" + WEST + "\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/" + person, "{ \"kind\": \"PERSON\", \"name\": \"欧阳锋\", \"orgCode\": \"" + org
                + "\", \"roles\": [\"LEADER\"] }").andExpect(status().is2xxSuccessful());
        warning = newWarning();
    }

    /** A PRC-01 warning (form 2) of the org, its approver the person. */
    String newWarning() throws Exception {
        var record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "payload.approverRef", person);
        return json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
    }

    String stateOf(String id) {
        return jdbc.sql("SELECT status FROM warning WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void theDashboardShowsChartsFedByAJsonIslandAndTheCountsAsText() throws Exception {
        mvc.perform(get("/").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"chart-by-form\"")))
                .andExpect(content().string(containsString("id=\"chart-trend\"")))
                .andExpect(content().string(containsString("id=\"chart-top-rules\"")))
                .andExpect(content().string(containsString("<script type=\"application/json\" id=\"chart-data\">{\"byForm\"")))
                .andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")))
                .andExpect(content().string(containsString("应公开招标未公开招标")))
                .andExpect(content().string(containsString("数据范围：全市")));
        mvc.perform(get("/").param("lang", "en").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Open warnings by form")))
                .andExpect(content().string(containsString("Open tender required but not used")));
        mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js").with(signedIn(INSPECTOR))).andExpect(status().isOk());
    }

    @Test
    void theQueueFiltersAndShowsPersonsOnlyPseudonymised() throws Exception {
        mvc.perform(get("/warnings").param("orgCode", org).param("form", "2").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(warning)))
                .andExpect(content().string(containsString("欧*")))
                .andExpect(content().string(not(containsString("欧阳锋"))))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("/warnings/export.xlsx?form=2&amp;orgCode=" + org)));
        mvc.perform(get("/warnings").param("orgCode", org).param("form", "4").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(warning))));
        mvc.perform(get("/warnings").param("orgCode", org).param("overdue", "true").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(warning))));
        mvc.perform(get("/warnings").param("form", "9").with(signedIn(INSPECTOR))).andExpect(status().isBadRequest());
    }

    @Test
    void aDistrictUserSeesNothingOfAnotherDistrict() throws Exception {
        mvc.perform(get("/warnings/" + warning).with(signedIn(EAST))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("不在您的数据范围内")));
        mvc.perform(get("/warnings/" + warning + "/dossier.xlsx").with(signedIn(EAST))).andExpect(status().isNotFound());
        mvc.perform(get("/profiles/org/" + org).with(signedIn(EAST))).andExpect(status().isNotFound());
        mvc.perform(get("/profiles/" + person).with(signedIn(EAST))).andExpect(status().isNotFound());
        mvc.perform(get("/warnings").param("orgCode", org).with(signedIn(EAST))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(warning))));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(EAST)).param("action", "START_REVIEW"))
                .andExpect(status().isNotFound());
        assertThat(stateOf(warning)).isEqualTo("NEW");
    }

    @Test
    void theWarningPageExplainsTheWarningWithFullNamesAndLogsTheOpening() throws Exception {
        mvc.perform(get("/warnings/" + warning).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("应公开招标未公开招标")))
                .andExpect(content().string(containsString("欧阳锋")))
                .andExpect(content().string(containsString("加强重点领域的监管")))
                .andExpect(content().string(containsString("政府采购法")))
                .andExpect(content().string(containsString("计财处")))
                .andExpect(content().string(containsString("threshold")))
                .andExpect(content().string(containsString("第 1 版")))
                .andExpect(content().string(containsString("产生预警")))
                .andExpect(content().string(containsString("id=\"action-ASSIGN\"")))
                .andExpect(content().string(not(containsString("id=\"action-CLOSE\""))));
        long logged = jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'WARNING' AND target = ? AND channel = 'CONSOLE'")
                .params(INSPECTOR, warning).query(Long.class).single();
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void reviewActionsPostedFromTheConsoleChangeTheStateAndRedirectWithAMessage() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR))
                .param("action", "ASSIGN").param("assignee", INSPECTOR))
                .andExpect(redirectedUrl("/warnings/" + warning)).andExpect(flash().attribute("message", containsString("已分派")));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR)).param("action", "START_REVIEW"))
                .andExpect(redirectedUrl("/warnings/" + warning));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR))
                .param("action", "CONFIRM").param("form", "2").param("comment", "属实"))
                .andExpect(redirectedUrl("/warnings/" + warning));
        assertThat(stateOf(warning)).isEqualTo("CONFIRMED");
        mvc.perform(get("/warnings/" + warning).with(signedIn(INSPECTOR)))
                .andExpect(content().string(containsString("data-status=\"CONFIRMED\"")))
                .andExpect(content().string(containsString("属实")))
                .andExpect(content().string(containsString("id=\"action-REOPEN\"")))
                // a confirmed warning is not closed: it goes through the loop (dispatch or handover)
                .andExpect(content().string(not(containsString("id=\"action-CLOSE\""))));
    }

    @Test
    void aRefusedActionIsShownAsAReadableError() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR)).param("action", "CLOSE"))
                .andExpect(redirectedUrl("/warnings/" + warning))
                .andExpect(flash().attribute("error", containsString("未能执行：状态为 NEW 的预警不能执行 CLOSE")));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR)).param("action", "DISMISS")
                .param("reason", "FALSE_POSITIVE"))
                .andExpect(flash().attribute("error", containsString("请填写说明")));
        assertThat(stateOf(warning)).isEqualTo("NEW");
    }

    @Test
    void confirmingASeriousFormTakesASupervisorWhoDidNotPropose() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR))
                .param("action", "CONFIRM").param("form", "3")).andExpect(redirectedUrl("/warnings/" + warning));
        assertThat(stateOf(warning)).isEqualTo("NEW");
        mvc.perform(get("/warnings/" + warning).with(signedIn(SUPERVISOR)))
                .andExpect(content().string(containsString("id=\"proposal\"")))
                .andExpect(content().string(containsString("id=\"action-APPROVE\"")));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(SUPERVISOR)).param("action", "APPROVE"))
                .andExpect(redirectedUrl("/warnings/" + warning));
        assertThat(stateOf(warning)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT decided_form FROM warning WHERE id = ?").param(warning).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/actions").with(signedIn(INSPECTOR)).param("action", "START_REVIEW"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/warnings/bulk").with(signedIn(INSPECTOR)).param("ids", warning).param("action", "CLOSE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(signedIn(ADMIN)).param("username", "x-user").param("password", "long-enough-1")
                .param("roles", "AUDITOR")).andExpect(status().isForbidden());
        assertThat(stateOf(warning)).isEqualTo("NEW");
        assertThat(users.exists("x-user")).isFalse();
    }

    @Test
    void anAuditorReadsButCannotActAndReadsTheAccessLog() throws Exception {
        mvc.perform(get("/warnings/" + warning).with(signedIn(AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"action-ASSIGN\""))));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(AUDITOR))
                .param("action", "ASSIGN").param("assignee", INSPECTOR)).andExpect(status().isForbidden());
        mvc.perform(post("/warnings/" + warning + "/mute").with(csrf()).with(signedIn(AUDITOR))
                .param("subjectRef", person).param("until", "2099-01-01").param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/warnings/bulk").with(csrf()).with(signedIn(AUDITOR)).param("ids", warning).param("action", "ASSIGN")
                .param("assignee", INSPECTOR)).andExpect(status().isForbidden());
        assertThat(stateOf(warning)).isEqualTo("NEW");
        mvc.perform(get("/access-log").with(signedIn(AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString(warning)))
                .andExpect(content().string(containsString("控制台")));
        mvc.perform(get("/access-log").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/access-log").with(signedIn(ADMIN))).andExpect(status().isOk());
    }

    @Test
    void bulkActionsAssignAndCloseEachWarningOnItsOwn() throws Exception {
        String second = newWarning();
        mvc.perform(post("/warnings/bulk").with(csrf()).with(signedIn(INSPECTOR)).param("ids", warning, second)
                .param("action", "ASSIGN").param("assignee", SUPERVISOR).param("back", "/warnings?orgCode=" + org))
                .andExpect(redirectedUrl("/warnings?orgCode=" + org))
                .andExpect(flash().attribute("message", containsString("成功 2 条，转为待批准的提议 0 条，失败 0 条")));
        assertThat(stateOf(warning)).isEqualTo("ASSIGNED");
        assertThat(stateOf(second)).isEqualTo("ASSIGNED");
        mvc.perform(post("/warnings/bulk").with(csrf()).with(signedIn(INSPECTOR)).param("ids", warning)
                .param("action", "CLOSE").param("back", "https://elsewhere.example/"))
                .andExpect(redirectedUrl("/warnings"))
                .andExpect(flash().attribute("message", containsString("成功 0 条，转为待批准的提议 0 条，失败 1 条")));
    }

    @Test
    void theFilteredQueueExportsToXlsxWithinScope() throws Exception {
        byte[] body = mvc.perform(get("/warnings/export.xlsx").param("orgCode", org).with(signedIn(INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("warnings.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(warning);
        }
        byte[] east = mvc.perform(get("/warnings/export.xlsx").param("orgCode", org).with(signedIn(EAST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(east))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
        mvc.perform(get("/warnings/" + warning + "/dossier.xlsx").with(signedIn(INSPECTOR))).andExpect(status().isOk());
    }

    @Test
    void anInspectorMutesTheRuleForASubjectOfTheWarning() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/mute").with(csrf()).with(signedIn(INSPECTOR))
                .param("subjectRef", person).param("until", "2099-01-01").param("reason", "同一事项已立案"))
                .andExpect(redirectedUrl("/warnings/" + warning)).andExpect(flash().attribute("message", containsString("PRC-01")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_mute WHERE rule_id = 'PRC-01' AND subject_ref = ? AND created_by = ?")
                .params(person, INSPECTOR).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/warnings/" + warning + "/mute").with(csrf()).with(signedIn(INSPECTOR))
                .param("subjectRef", "SOMEONE-ELSE").param("until", "2099-01-01").param("reason", "x"))
                .andExpect(flash().attribute("error", containsString("静默未保存")));
    }

    @Test
    void theIntegrityProfileListsEveryWarningNamingTheSubjectAndIsLogged() throws Exception {
        mvc.perform(get("/profiles/" + person).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("廉政档案")))
                .andExpect(content().string(containsString("欧阳锋")))
                .andExpect(content().string(containsString(warning)))
                .andExpect(content().string(containsString("测试西区学校")));
        mvc.perform(get("/profiles/org/" + org).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("该单位的预警")))
                .andExpect(content().string(containsString(warning)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'PROFILE' AND target IN (?, ?)")
                .params(INSPECTOR, person, "org:" + org).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/profiles/NOBODY-" + unique("X")).with(signedIn(INSPECTOR))).andExpect(status().isNotFound());
    }

    @Test
    void theCoverageMapShowsEveryMeasureWithItsRulesAndGaps() throws Exception {
        // every measure named by a rule's @clause counts as covered
        mvc.perform(get("/coverage").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-measure=\"M19\"")))
                .andExpect(content().string(containsString("优化学生服务")))
                .andExpect(content().string(containsString("尚无规则")))
                .andExpect(content().string(containsString("19 项举措中有 " + coveredMeasures() + " 项已有规则实现")));
    }

    @Test
    void ruleQualityCountsConfirmedAndDismissedAndFormMatches() throws Exception {
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR))
                .param("action", "CONFIRM").param("form", "2")).andExpect(redirectedUrl("/warnings/" + warning));
        mvc.perform(get("/rules/quality").with(signedIn(EAST))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-rule=\"PRC-01\"")))
                .andExpect(content().string(not(containsString("2→2"))));
        mvc.perform(get("/rules/quality").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2→2")));
    }

    @Test
    void onlyAdminsManageUsersAndApiKeys() throws Exception {
        mvc.perform(get("/admin/users").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/api-keys").with(signedIn(AUDITOR))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(csrf()).with(signedIn(SUPERVISOR)).param("username", "nope-user")
                .param("password", "long-enough-1").param("roles", "ADMIN")).andExpect(status().isForbidden());

        String name = unique("west");
        mvc.perform(post("/admin/users").with(csrf()).with(signedIn(ADMIN)).param("username", name).param("displayName", "西区纪检员")
                .param("password", "a-long-password").param("roles", "INSPECTOR").param("district", WEST))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("message", containsString(name)));
        mvc.perform(get("/admin/users").with(signedIn(ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name))).andExpect(content().string(not(containsString("$2a$"))));
        // an inspector gets decision power only when a second administrator confirms, and replaces the chosen password first
        assertThat(users.exists(name)).isFalse();
        String second = unique("admin-2");
        users.ensure(second, PASSWORD, "第二管理员", java.util.Set.of(lianshao.security.Role.ADMIN), null);
        String change = jdbc.sql("SELECT id FROM account_change WHERE username = ? AND status = 'PENDING'").param(name)
                .query(String.class).single();
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(csrf()).with(signedIn(second)))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/warnings/" + warning).with(signedIn(name))).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/password").with(csrf()).with(signedIn(name)).param("current", "a-long-password")
                .param("password", "own-long-password").param("repeat", "own-long-password")).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/warnings/" + warning).with(signedIn(name))).andExpect(status().isOk());
        mvc.perform(post("/admin/users").with(csrf()).with(signedIn(ADMIN)).param("username", name)
                .param("password", "short").param("roles", "INSPECTOR"))
                .andExpect(flash().attribute("error", containsString("密码至少 10 位")));
        mvc.perform(post("/admin/users/" + name + "/enabled").with(csrf()).with(signedIn(ADMIN)).param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.all().stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow().enabled()).isFalse();

        String feed = unique("feed");
        var created = mvc.perform(post("/admin/api-keys").with(csrf()).with(signedIn(ADMIN)).param("source", feed)
                .param("scopes", "RECORDS").param("label", "测试").param("wholeCity", "true")).andExpect(redirectedUrl("/admin/api-keys"))
                .andReturn();
        String key = (String) created.getFlashMap().get("newKey");
        assertThat(key).startsWith("lsk_");
        mvc.perform(get("/admin/api-keys").with(signedIn(ADMIN)).flashAttr("newKey", key)).andExpect(status().isOk())
                .andExpect(content().string(containsString(key)));
        mvc.perform(get("/admin/api-keys").with(signedIn(ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString(feed))).andExpect(content().string(not(containsString(key))));
        // the new key works at once (and its lookup is now cached) ...
        mvc.perform(get("/api/v1/records/none").header("X-Api-Key", key)).andExpect(status().isNotFound());
        String id = jdbc.sql("SELECT id FROM api_key WHERE source = ?").param(feed).query(String.class).single();
        // ... and is refused at once after its revocation
        mvc.perform(post("/admin/api-keys/" + id + "/revoke").with(csrf()).with(signedIn(ADMIN))).andExpect(redirectedUrl("/admin/api-keys"));
        mvc.perform(get("/api/v1/records/none").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
    }

    @org.springframework.beans.factory.annotation.Autowired
    lianshao.rules.ActiveRuleSet activeRules;

    private long coveredMeasures() {
        return activeRules.get().rulesById().values().stream().flatMap(r -> r.clauses().stream()).distinct().count();
    }

    @Test
    void aPendingProposalIsShownWithWhoWhatAndWhyAndOnlyAnotherSupervisorGetsApproveAndReject() throws Exception {
        jdbc.sql("UPDATE warning SET form = 3 WHERE id = ?").param(warning).update();
        mvc.perform(get("/warnings/" + warning).with(signedIn(INSPECTOR)))
                .andExpect(content().string(containsString("提议排除（待批准）")))
                .andExpect(content().string(not(containsString("id=\"proposal\""))));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(INSPECTOR))
                .param("action", "DISMISS").param("reason", "JUSTIFIED").param("comment", "已有财政批复文件"))
                .andExpect(redirectedUrl("/warnings/" + warning));
        assertThat(stateOf(warning)).isEqualTo("NEW");
        // the proposer sees the proposal but can neither decide it nor do anything else but comment
        mvc.perform(get("/warnings/" + warning).with(signedIn(INSPECTOR)))
                .andExpect(content().string(containsString("id=\"proposal\"")))
                .andExpect(content().string(containsString("测试纪检员 于 ")))
                .andExpect(content().string(containsString("排除（理由：")))
                .andExpect(content().string(containsString("已有财政批复文件")))
                .andExpect(content().string(not(containsString("id=\"action-APPROVE\""))))
                .andExpect(content().string(not(containsString("id=\"action-REJECT\""))))
                .andExpect(content().string(not(containsString("id=\"action-DISMISS\""))))
                .andExpect(content().string(not(containsString("id=\"action-CONFIRM\""))))
                .andExpect(content().string(not(containsString("id=\"action-ASSIGN\""))))
                .andExpect(content().string(containsString("id=\"action-COMMENT\"")));
        mvc.perform(get("/warnings/" + warning).with(signedIn(SUPERVISOR)))
                .andExpect(content().string(containsString("id=\"action-APPROVE\"")))
                .andExpect(content().string(containsString("id=\"action-REJECT\"")));
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(SUPERVISOR))
                .param("action", "REJECT").param("comment", "理由不充分，继续核查"))
                .andExpect(redirectedUrl("/warnings/" + warning)).andExpect(flash().attribute("message", containsString("驳回建议")));
        assertThat(stateOf(warning)).isEqualTo("UNDER_REVIEW");
        mvc.perform(get("/warnings/" + warning).with(signedIn(INSPECTOR)))
                .andExpect(content().string(not(containsString("id=\"proposal\""))))
                .andExpect(content().string(containsString("理由不充分，继续核查")));
    }
}
