package lianshao.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/** Uploads files through the API and waits for their imports to finish. */
abstract class ImportTestSupport extends ApiTestSupport {

    static final String IMPORTER = "test-importer";
    static final String AUDITOR = "test-import-auditor";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    private Users users;

    @BeforeEach
    void importUsers() {
        users.ensure(IMPORTER, PASSWORD, "测试录入员", Set.of(Role.IMPORTER), null);
        users.ensure(AUDITOR, PASSWORD, "测试审计员", Set.of(Role.AUDITOR), null);
    }

    /** A registered school of its own. */
    String school() throws Exception {
        String code = TestRecords.unique("SCH-IMP");
        putJson("/api/v1/orgs/" + code, """
                { "name": "导入测试学校", "type": "SCHOOL", "district": "清源区" }""").andExpect(status().isCreated());
        return code;
    }

    ResultActions upload(String fileName, byte[] bytes, String kind, RequestPostProcessor who) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", fileName, fileName.endsWith(".csv") ? "text/csv" : XLSX, bytes));
        if (kind != null) {
            request.param("kind", kind);
        }
        if (who == null) {
            request.header("X-Api-Key", KEY);
        } else {
            request.with(who);
        }
        return mvc.perform(request);
    }

    /** Uploads with the test feed's key, expects 202 and waits for the end. */
    JsonNode importFile(String fileName, byte[] bytes, String kind) throws Exception {
        MvcResult result = upload(fileName, bytes, kind, null).andExpect(status().isAccepted()).andReturn();
        return await(json(result).get("id").asString());
    }

    JsonNode statusOf(String id) throws Exception {
        return json(mvc.perform(withKey(get("/api/v1/imports/" + id))).andExpect(status().isOk()).andReturn());
    }

    JsonNode await(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode status = statusOf(id);
            if (!status.get("status").asString().equals("RUNNING")) {
                return status;
            }
            Thread.sleep(50);
        }
        return fail("import " + id + " still running");
    }

    /** The errors of an import as "row|column|message". */
    static List<String> errors(JsonNode status) {
        List<String> errors = new ArrayList<>();
        status.get("errors").forEach(e -> errors.add(e.get("sheet").asString() + "|" + e.get("row").asInt() + "|"
                + e.get("column").asString() + "|" + e.get("message").asString()));
        return errors;
    }

    /** The report's sheets as rows of formatted cell texts, header row first. */
    Map<String, List<List<String>>> report(String id) throws Exception {
        byte[] bytes = mvc.perform(withKey(get("/api/v1/imports/" + id + "/report.xlsx"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, List<List<String>>> sheets = new HashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    /** A row's values: field, value, field, value… */
    static Map<String, Object> m(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static void assertCounts(JsonNode status, int accepted, int rejected, int unchanged) {
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.get("accepted").asInt()).as(status.toString()).isEqualTo(accepted);
        assertThat(status.get("rejected").asInt()).as(status.toString()).isEqualTo(rejected);
        assertThat(status.get("unchanged").asInt()).as(status.toString()).isEqualTo(unchanged);
    }
}
