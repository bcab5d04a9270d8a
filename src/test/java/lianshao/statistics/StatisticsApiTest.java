package lianshao.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;

/**
 * Warnings are counted in the period their act occurred (in Beijing time), not when they were raised; by
 * disposal group; only within the reader's district; the workbook reads back with Chinese headers and names.
 */
class StatisticsApiTest extends ApiTestSupport {

    /** 07:00 on 1 March in Beijing is still 28 February in UTC: the act belongs to March. */
    private static final String ACT = "2025-03-01T07:00:00+08:00";
    private static final String RANGE = "from=2025-01-01&to=2025-12-31";

    @Autowired
    private Users users;

    private String run;
    private String districtA;
    private String districtB;
    private String orgA;
    private String orgB;
    private String inspectorA;

    @BeforeEach
    void twoDistricts() throws Exception {
        run = TestRecords.unique("ST");
        districtA = "统计甲区" + run;
        districtB = "统计乙区" + run;
        orgA = TestRecords.unique("SCH-STA");
        orgB = TestRecords.unique("SCH-STB");
        putJson("/api/v1/orgs/" + orgA, "{ \"name\": \"统计甲校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"" + districtA + "\" }")
                .andExpect(status().isCreated());
        putJson("/api/v1/orgs/" + orgB, "{ \"name\": \"统计乙校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"" + districtB + "\" }")
                .andExpect(status().isCreated());
        inspectorA = "st-insp-" + run;
        users.ensure(inspectorA, PASSWORD, "甲区纪检员", Set.of(Role.INSPECTOR), districtA);
    }

    /** Posts a large inquiry of the organisation acted at {@code ACT}; returns the warnings it raised. */
    private JsonNode warningsOf(String org) throws Exception {
        var record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "occurredAt", Json.parse("\"" + ACT + "\""));
        JsonNode warnings = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn()).get("warnings");
        assertThat(warnings.size()).isPositive();
        return warnings;
    }

    private JsonNode report(String user, String query) throws Exception {
        return json(mvc.perform(get("/api/v1/statistics?" + query).with(signedIn(user))).andExpect(status().isOk()).andReturn());
    }

    private static List<JsonNode> rowsOf(JsonNode report, String key) {
        List<JsonNode> rows = new ArrayList<>();
        report.get("rows").forEach(r -> {
            if (r.get("key").asString().equals(key)) {
                rows.add(r);
            }
        });
        return rows;
    }

    @Test
    void aWarningCountsInTheMonthAndQuarterOfItsActNotOfItsRaising() throws Exception {
        int raised = warningsOf(orgA).size();

        JsonNode monthly = report(INSPECTOR, RANGE + "&period=MONTH&by=UNIT");
        assertThat(monthly.get("periods")).hasSize(12);
        assertThat(monthly.get("zone").asString()).isEqualTo("Asia/Shanghai");
        List<JsonNode> rows = rowsOf(monthly, orgA);
        assertThat(rows).as("one row: the act's month").hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("period").asString()).isEqualTo("2025-03");
        assertThat(row.get("periodLabel").asString()).isEqualTo("2025年3月");
        assertThat(row.get("label").asString()).as("the organisation's name, not its code").isEqualTo("统计甲校" + run);
        assertThat(row.get("total").asLong()).isEqualTo(raised);
        assertThat(row.get("counts").get("OPEN").asLong()).isEqualTo(raised);

        // raised today: nothing of it in today's month of today's year
        JsonNode thisYear = report(INSPECTOR, "period=MONTH&by=UNIT");
        assertThat(rowsOf(thisYear, orgA)).isEmpty();

        JsonNode quarterly = report(INSPECTOR, RANGE + "&period=QUARTER&by=UNIT");
        assertThat(quarterly.get("periods")).hasSize(4);
        assertThat(rowsOf(quarterly, orgA)).singleElement().satisfies(r -> {
            assertThat(r.get("period").asString()).isEqualTo("2025-Q1");
            assertThat(r.get("periodLabel").asString()).isEqualTo("2025年第1季度");
        });
    }

    @Test
    void rulesAreNamedByIdAndTitleInTheReadersLanguage() throws Exception {
        JsonNode warning = warningsOf(orgA).get(0);
        String rule = warning.get("ruleId").asString();
        JsonNode chinese = report(inspectorA, RANGE + "&period=YEAR&by=RULE");
        assertThat(chinese.get("keys")).anySatisfy(k -> {
            assertThat(k.get("key").asString()).isEqualTo(rule);
            assertThat(k.get("label").asString()).isEqualTo(rule + " " + warning.get("title").asString());
        });
        JsonNode english = report(inspectorA, RANGE + "&period=YEAR&by=RULE&lang=en");
        assertThat(english.get("keys")).anySatisfy(k -> assertThat(k.get("label").asString())
                .isEqualTo(rule + " " + warning.get("titleEn").asString()));
        assertThat(english.get("groups").get(0).get("label").asString()).isEqualTo("Open");
    }

    @Test
    void theDisposalStateMovesAWarningBetweenGroups() throws Exception {
        JsonNode warnings = warningsOf(orgA);
        String id = warnings.get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET status = 'CLOSED' WHERE id = ?").param(id).update();

        JsonNode row = rowsOf(report(INSPECTOR, RANGE + "&period=YEAR&by=UNIT"), orgA).get(0);
        assertThat(row.get("period").asString()).isEqualTo("2025");
        assertThat(row.get("counts").get("CLOSED").asLong()).isEqualTo(1);
        assertThat(row.get("counts").get("OPEN").asLong()).isEqualTo(warnings.size() - 1);
    }

    @Test
    void aDistrictInspectorCountsOnlyTheirDistrict() throws Exception {
        warningsOf(orgA);
        warningsOf(orgB);

        JsonNode city = report(INSPECTOR, RANGE + "&period=YEAR&by=DISTRICT");
        assertThat(rowsOf(city, districtA)).hasSize(1);
        assertThat(rowsOf(city, districtB)).hasSize(1);

        JsonNode district = report(inspectorA, RANGE + "&period=YEAR&by=DISTRICT");
        List<String> keys = new ArrayList<>();
        district.get("keys").forEach(k -> keys.add(k.get("key").asString()));
        assertThat(keys).containsExactly(districtA);
        JsonNode units = report(inspectorA, RANGE + "&period=MONTH&by=UNIT");
        assertThat(rowsOf(units, orgA)).hasSize(1);
        assertThat(rowsOf(units, orgB)).isEmpty();
        mvc.perform(get("/api/v1/statistics/export.xlsx?" + RANGE + "&by=UNIT").with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn();
    }

    @Test
    void theWorkbookHasChineseHeadersAndNames() throws Exception {
        warningsOf(orgA);
        byte[] xlsx = mvc.perform(get("/api/v1/statistics/export.xlsx?" + RANGE + "&period=MONTH&by=DOMAIN").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = read(xlsx, "预警统计");
        assertThat(rows.get(2)).containsExactly("周期", "领域", "代码", "待处理", "已认定", "已排除", "已办结", "已静默", "合计");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2025年3月", "采购", "PROCUREMENT"));
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("合计");

        byte[] byForm = mvc.perform(get("/api/v1/statistics/export.xlsx?" + RANGE + "&by=FORM").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(read(byForm, "预警统计")).anyMatch(r -> r.size() > 1 && r.get(1).equals("第二种形态"));

        byte[] byUnit = mvc.perform(get("/api/v1/statistics/export.xlsx?" + RANGE + "&by=UNIT").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(read(byUnit, "合计-单位")).anySatisfy(r -> assertThat(r).startsWith("统计甲校" + run, orgA));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'EXPORT' AND target LIKE 'statistics?%'")
                .param(INSPECTOR).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    private static List<List<String>> read(byte[] xlsx, String sheetName) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet(sheetName);
            assertThat(sheet).as(sheetName).isNotNull();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(format.formatCellValue(c)));
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void theConsolePageShowsTheTablesWithinTheUsersDistrict() throws Exception {
        warningsOf(orgA);
        warningsOf(orgB);
        String page = mvc.perform(get("/statistics?" + RANGE + "&period=MONTH&by=UNIT").with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("统计报表", "id=\"stats-keys\"", "id=\"chart-keys\"", "统计甲校" + run, "2025年3月")
                .doesNotContain("统计乙校" + run);
        // a bad filter is named on the page, which falls back to the default range
        String bad = mvc.perform(get("/statistics?period=WEEK").with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("flash-error", "period");
        byte[] xlsx = mvc.perform(get("/statistics/export.xlsx?" + RANGE + "&by=UNIT").with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(read(xlsx, "合计-单位")).anySatisfy(r -> assertThat(r).startsWith("统计甲校" + run))
                .noneMatch(r -> r.contains("统计乙校" + run));
    }

    @Test
    void badParametersAreNamedWithTheirReason() throws Exception {
        mvc.perform(get("/api/v1/statistics?period=WEEK&by=COLOUR&from=2026-13-01").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("period", "by", "from")));
        mvc.perform(get("/api/v1/statistics?from=2026-05-01&to=2026-04-01").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/statistics")).andExpect(status().isUnauthorized());
    }
}
