package lianshao.console;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * What officials read on a warning's page: the record as a labelled table with names, labels and formatted amounts,
 * the changes between revisions field by field, the audit trail as sentences; codes only in small print or in
 * the raw JSON behind its toggle.
 */
class ReadableConsoleTest extends ApiTestSupport {

    static final String WANG = "readable-inspector";
    static final String AUDITOR = "readable-auditor";
    private static final Pattern RAW = Pattern.compile("<pre[\\s\\S]*?</pre>|<small class=\"code\"[\\s\\S]*?</small>|<script[\\s\\S]*?</script>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    @Autowired
    Users users;

    String org;
    String approver;
    String supplier;

    @BeforeEach
    void setUp() throws Exception {
        users.ensure(WANG, PASSWORD, "纪检员 王清", Set.of(Role.INSPECTOR), null);
        org = unique("SCH");
        approver = unique("P");
        supplier = unique("SUP");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"清源第九中学\", \"type\": \"SCHOOL\", \"district\": \"清源区\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/" + approver, "{ \"kind\": \"PERSON\", \"name\": \"司马光\", \"orgCode\": \"" + org + "\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/" + supplier, "{ \"kind\": \"ORGANISATION\", \"name\": \"清源文教器材有限公司\" }")
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void theRecordIsALabelledTableAndItsRevisionsAreComparedFieldByField() throws Exception {
        ObjectNode record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "payload.approverRef", approver);
        TestRecords.set(record, "payload.supplierRef", supplier);
        String warning = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
        TestRecords.set(record, "payload.amount", Json.parse("6352000.00"));
        postJson("/api/v1/records", record.toString()).andExpect(status().isOk());

        String page = page("/warnings/" + warning, WANG);
        String recordFields = section(page, "<table class=\"kv record-fields\" id=\"record-fields\">", "id=\"record-changes\"");
        assertThat(recordFields).contains("采购方式", "询价", "采购总金额", "¥6,352,000.00", "司马光", approver, "清源文教器材有限公司",
                "清源第九中学", "业务领域", "采购", "部门负责人");
        assertThat(page).contains("href=\"/profiles/" + approver + "\"", "<small class=\"code\">" + approver + "</small>");
        String changes = section(page, "id=\"record-changes\"", "</table>");
        assertThat(changes).contains("采购总金额", "¥2,500,000.00", "¥6,352,000.00").doesNotContain("采购方式");
        assertThat(page).contains("<details class=\"raw-json\">", "&quot;method&quot; : &quot;INQUIRY&quot;");

        String facts = section(page, "id=\"facts\"", "</table>");
        assertThat(facts).contains("采购方式", "询价", "¥6,352,000.00", "data-fact=\"threshold\"");
        String running = running(section(page, "id=\"facts\"", "<ol id=\"history\""));
        assertThat(running).contains("标准", "¥2,000,000.00")
                .doesNotContain("INQUIRY", "DEPARTMENT_HEAD", "PROCUREMENT", "6352000", "2000000", "threshold", "form=", WANG);
        String english = running(section(page("/warnings/" + warning + "?lang=en", WANG), "id=\"facts\"", "</table>"));
        assertThat(english).contains("Threshold", "Inquiry").doesNotContain("INQUIRY", "标准");
    }

    @Test
    void theExplanationIsEscapedAndItsEnglishWordingPutsTheContractCodesInWords() throws Exception {
        ObjectNode record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "payload.description", "<img src=x onerror=alert(1)>教室设备");
        String warning = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();

        String chinese = section(page("/warnings/" + warning, WANG), "id=\"warning-message\"", "</p>");
        assertThat(chinese).contains("采购项目「&lt;img src=x onerror=alert(1)&gt;教室设备」").doesNotContain("<img");
        String english = section(page("/warnings/" + warning + "?lang=en", WANG), "id=\"warning-message\"", "</p>");
        assertThat(english).contains("but used Inquiry without").doesNotContain("INQUIRY");
    }

    @Test
    void theAuditTrailIsAListOfSentencesNamingPeople() throws Exception {
        String warning = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andExpect(status().isCreated())
                .andReturn()).get("warnings").get(0).get("id").asString();
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(WANG))
                .param("action", "ASSIGN").param("assignee", WANG)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(WANG))
                .param("action", "CONFIRM").param("form", "2").param("comment", "经核查属实")).andExpect(status().is3xxRedirection());

        String history = section(page("/warnings/" + warning, WANG), "<ol id=\"history\"", "</ol>");
        assertThat(running(history)).contains("系统 于 ", "产生预警：第二种形态", "纪检员 王清 于 ", "将预警分派给 纪检员 王清",
                "确认预警：第二种形态，状态由“已分派”变为“已确认”", "经核查属实").doesNotContain(WANG, "CONFIRMED", "revision=");
        assertThat(page("/warnings/" + warning, WANG)).contains("id=\"warning-assignee\">纪检员 王清</strong>");
        assertThat(running(section(page("/warnings?orgCode=" + org, WANG), "<tbody", "</tbody>"))).contains("纪检员 王清")
                .doesNotContain(WANG);

        String english = running(section(page("/warnings/" + warning + "?lang=en", WANG), "<ol id=\"history\"", "</ol>"));
        assertThat(english).contains("The system raised the warning: Second form", "Inspector 王清 confirmed the warning: Second form")
                .doesNotContain("纪检员", "产生预警");

        // what a person typed stands in the sentence escaped, marked with its language on the English page
        mvc.perform(post("/warnings/" + warning + "/actions").with(csrf()).with(signedIn(WANG)).param("action", "DISPATCH")
                .param("unitOrg", org).param("responsiblePerson", "<b>王校长</b>").param("workingDays", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(section(page("/warnings/" + warning, WANG), "<ol id=\"history\"", "</ol>"))
                .contains("责任人 &lt;b&gt;王校长&lt;/b&gt;").doesNotContain("<b>王校长");
        assertThat(section(page("/warnings/" + warning + "?lang=en", WANG), "<ol id=\"history\"", "</ol>"))
                .contains("responsible <span lang=\"zh\">&lt;b&gt;王校长&lt;/b&gt;</span>");
    }

    @Test
    void itemListsAreSubTablesWithLabelledColumns() throws Exception {
        ObjectNode tender = TestRecords.cleanTender(org);
        TestRecords.set(tender, "payload.bidDeadline", "2026-03-05");
        ((ObjectNode) tender.get("payload").get("bids").get(0)).put("bidderRef", supplier);
        String warning = json(postJson("/api/v1/records", tender.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
        String recordFields = section(page("/warnings/" + warning, WANG), "id=\"record-fields\"", "class=\"raw-json\"");
        assertThat(recordFields).contains("<table class=\"items\">", "投标人", "投标报价", "¥4,800,000.00", "清源文教器材有限公司",
                "公开招标");
        assertThat(running(recordFields)).doesNotContain("OPEN", "4800000");
    }

    @Test
    void theAccessLogNamesPeopleAndProfilesAndShowsChannelsAndBeijingTime() throws Exception {
        users.ensure(AUDITOR, PASSWORD, "审计处 钱审", Set.of(Role.AUDITOR), null);
        page("/profiles/" + approver, WANG);
        page("/profiles/org/" + org, WANG);
        java.time.LocalDateTime openedAt = jdbc.sql("SELECT MAX(opened_at) FROM access_log WHERE username = ?").param(WANG)
                .query(java.time.LocalDateTime.class).single();
        String log = section(page("/access-log?username=" + WANG, AUDITOR), "id=\"access-log\"", "</table>");
        String beijing = openedAt.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(running(log)).contains("纪检员 王清", "控制台", "司马光", "清源第九中学", beijing, "廉政档案")
                .doesNotContain(WANG, "CONSOLE", approver, "PROFILE");
        assertThat(running(section(page("/access-log?lang=en&username=" + WANG, AUDITOR), "id=\"access-log\"", "</table>")))
                .contains("Inspector 王清", "Console");
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = page.indexOf(end, from);
        return page.substring(from, to < 0 ? page.length() : to + end.length());
    }

    /** The text a person reads: without tags, the raw JSON and the codes in small print. */
    static String running(String html) {
        String text = RAW.matcher(html).replaceAll(" ");
        Matcher m = TAG.matcher(text);
        return m.replaceAll(" ");
    }
}
