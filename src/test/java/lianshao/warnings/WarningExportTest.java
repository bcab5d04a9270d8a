package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/** Exports read back: Chinese (or English) headers, labels instead of codes, names, Beijing time. */
class WarningExportTest extends ApiTestSupport {

    static final String WANG = "export-inspector";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    Users users;

    String org;
    String person;
    String warning;

    @BeforeEach
    void setUp() throws Exception {
        users.ensure(WANG, PASSWORD, "纪检员 王清", Set.of(Role.INSPECTOR), null);
        org = unique("SCH");
        person = unique("P");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"清源第七中学\", \"type\": \"SCHOOL\", \"district\": \"清源区\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/" + person, "{ \"kind\": \"PERSON\", \"name\": \"诸葛亮\", \"orgCode\": \"" + org + "\" }")
                .andExpect(status().is2xxSuccessful());
        var record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "payload.approverRef", person);
        warning = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
        mvc.perform(post("/api/v1/warnings/" + warning + "/actions").with(signedIn(WANG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"ASSIGN\", \"assignee\": \"" + WANG + "\"}")).andExpect(status().isOk());
    }

    @Test
    void theQueueExportHasChineseHeadersLabelsNamesAndBeijingTime() throws Exception {
        try (XSSFWorkbook book = workbook("/warnings/export.xlsx?orgCode=" + org)) {
            Sheet sheet = book.getSheet("预警清单");
            assertThat(cells(sheet.getRow(0))).startsWith("预警编号", "规则", "风险点", "建议形态", "认定形态", "领域", "单位", "单位代码",
                    "涉及对象", "状态", "处理人", "预警时间", "办理期限");
            List<String> row = cells(sheet.getRow(1));
            assertThat(row.get(0)).isEqualTo(warning);
            assertThat(row.get(3)).isEqualTo("第二种形态");
            assertThat(row.get(5)).isEqualTo("采购");
            assertThat(row.get(6)).isEqualTo("清源第七中学");
            assertThat(row.get(7)).isEqualTo(org);
            assertThat(row.get(8)).isEqualTo("诸*（" + person + "）");
            assertThat(row.get(9)).isEqualTo("已分派");
            assertThat(row.get(10)).isEqualTo("纪检员 王清");
            assertThat(row.get(11)).isEqualTo(beijing(stored("raised_at"), "yyyy-MM-dd HH:mm"));
            assertThat(row.get(12)).isEqualTo(beijing(stored("due_at"), "yyyy-MM-dd"));
            assertThat(row).doesNotContain("PROCUREMENT", "ASSIGNED", WANG);
        }
    }

    @Test
    void englishReadersGetEnglishHeadersAndLabels() throws Exception {
        try (XSSFWorkbook book = workbook("/warnings/export.xlsx?lang=en&orgCode=" + org)) {
            Sheet sheet = book.getSheet("Warnings");
            assertThat(cells(sheet.getRow(0))).startsWith("Warning id", "Rule", "Risk point", "Suggested form");
            List<String> row = cells(sheet.getRow(1));
            assertThat(row).contains("Second form", "Procurement", "Assigned", "Inspector 王清", "Open tender required but not used");
        }
    }

    @Test
    void theDossierNamesEveryoneAndTellsTheHistoryInSentences() throws Exception {
        try (XSSFWorkbook book = workbook("/warnings/" + warning + "/dossier.xlsx")) {
            Sheet main = book.getSheet("预警");
            List<String> items = new ArrayList<>();
            for (int r = 1; r <= main.getLastRowNum(); r++) {
                items.add(cells(main.getRow(r)).get(0) + "=" + cells(main.getRow(r)).get(1));
            }
            assertThat(items).contains("领域=采购", "单位=清源第七中学（" + org + "）", "涉及对象=诸葛亮（" + person + "）", "状态=已分派",
                    "处理人=纪检员 王清", "预警时间=" + beijing(stored("raised_at"), "yyyy-MM-dd HH:mm"));
            assertThat(cells(book.getSheet("命中事实").getRow(1))).containsExactly("采购总金额", "¥2,500,000.00");
            Sheet history = book.getSheet("处理记录");
            assertThat(cells(history.getRow(0))).containsExactly("时间", "操作", "操作人", "原状态", "新状态", "备注", "经过");
            assertThat(cells(history.getRow(2))).startsWith(cells(history.getRow(2)).get(0), "分派", "纪检员 王清", "新预警", "已分派");
            assertThat(cells(history.getRow(2)).get(6)).startsWith("纪检员 王清 于 ").contains("将预警分派给 纪检员 王清");
        }
    }

    private XSSFWorkbook workbook(String path) throws Exception {
        byte[] body = mvc.perform(get(path).with(signedIn(WANG))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    private LocalDateTime stored(String column) {
        return jdbc.sql("SELECT " + column + " FROM warning WHERE id = ?").param(warning).query(LocalDateTime.class).single();
    }

    private static String beijing(LocalDateTime utc, String pattern) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).format(DateTimeFormatter.ofPattern(pattern));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getCellType() == CellType.NUMERIC
                ? String.valueOf((long) c.getNumericCellValue()) : c.getStringCellValue()));
        return cells;
    }
}
