package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import tools.jackson.databind.JsonNode;

import lianshao.rules.MandatoryTenderTable;
import lianshao.support.Json;

/**
 * A draft's thresholds changed through the form API with the test cases the change affects, their new
 * outcomes accepted as expectations; decision tables downloaded and uploaded as .xlsx and compared cell by cell.
 */
class DraftFormsApiTest extends RuleSetApiSupport {

    static final String THRESHOLD = "procurement.open-tender.threshold";
    static final String PRC01_TEST = "procurement/PRC-01-open-tender-avoided.test.json";
    static final String PRC01_CASE = "2,500,000 by inquiry without approval fires";

    int copy() {
        return lifecycle.copyAsDraft(originalVersion, "表单测试 / form test", AUTHOR).number();
    }

    @Test
    void theFormListsEachThresholdWithItsCommentAndType() throws Exception {
        int version = copy();
        JsonNode fields = json(as(AUTHOR, "GET", "/api/v1/rule-sets/" + version + "/thresholds", null).andExpect(status().isOk()).andReturn())
                .path("fields");
        JsonNode threshold = null;
        for (JsonNode f : fields) {
            if (f.path("key").asString().equals(THRESHOLD)) {
                threshold = f;
            }
        }
        assertThat(threshold).isNotNull();
        assertThat(threshold.path("value").asString()).isEqualTo("2000000");
        assertThat(threshold.path("type").asString()).isEqualTo("AMOUNT");
        assertThat(threshold.path("label").asString()).contains("政府采购公开招标数额标准");
    }

    @Test
    void aThresholdChangeListsTheChangedCasesAndAcceptingRewritesTheirExpectationsWhileApprovalStillNeedsASecondPerson() throws Exception {
        int version = copy();

        JsonNode result = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/thresholds",
                "{\"values\": {\"" + THRESHOLD + "\": \"3000000\"}}").andExpect(status().isOk()).andReturn());

        assertThat(result.path("passed").asBoolean()).isFalse();
        JsonNode changed = caseNamed(result, PRC01_CASE);
        assertThat(changed).isNotNull();
        assertThat(changed.path("expected").path("fires").asBoolean()).isTrue();
        assertThat(changed.path("expected").path("form").asInt()).isEqualTo(2);
        assertThat(changed.path("now").path("fires").asBoolean()).isFalse();
        assertThat(fileOf(version, "thresholds.properties")).contains(THRESHOLD + "=3000000\n")
                .contains("# 政府采购公开招标数额标准");

        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/expectations",
                accepting(result)).andExpect(status().isConflict());

        JsonNode accepted = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/expectations", accepting(result))
                .andExpect(status().isOk()).andReturn());
        assertThat(accepted.path("passed").asBoolean()).isTrue();
        assertThat(accepted.path("changedCases")).isEmpty();
        JsonNode testFile = Json.parse(fileOf(version, PRC01_TEST));
        for (JsonNode c : testFile.path("cases")) {
            if (c.path("name").asString().equals(PRC01_CASE)) {
                assertThat(c.path("expect").path("fires").asBoolean()).isFalse();
            }
        }
        JsonNode view = json(as(AUTHOR, "GET", "/api/v1/rule-sets/" + version, null).andReturn());
        List<String> actions = new ArrayList<>();
        view.path("audit").forEach(a -> actions.add(a.path("action").asString()));
        assertThat(actions).contains("THRESHOLDS", "ACCEPT_EXPECTATIONS");

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().isOk());
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/approve?activeVersion=" + originalVersion, null)
                .andExpect(status().isConflict());
        assertThat(active.deployment().number()).isEqualTo(originalVersion);
    }

    @Test
    void aValueThatDoesNotFitItsKeyIsAFieldErrorAndNothingIsWritten() throws Exception {
        int version = copy();
        String before = fileOf(version, "thresholds.properties");
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/thresholds", "{\"values\": {\"tender.min-bid-period.days\": \"二十\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values.tender.min-bid-period.days"));
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/thresholds", "{\"values\": {\"tender.variation.form2-share\": \"150%\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values.tender.variation.form2-share"));
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/thresholds", "{\"values\": {\"no.such.key\": \"1\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("values.no.such.key"));
        assertThat(fileOf(version, "thresholds.properties")).isEqualTo(before);
    }

    @Test
    void aDecisionTableRoundTripsAsXlsxAndTheDiffShowsTheChangedCell() throws Exception {
        int version = copy();
        byte[] downloaded = mvc.perform(get("/api/v1/rule-sets/" + version + "/tables").param("path", MandatoryTenderTable.PATH)
                .with(basic(AUTHOR, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        byte[] changed = withCell(downloaded, "2000000", 2_500_000);
        mvc.perform(multipart("/api/v1/rule-sets/" + version + "/tables").file(new MockMultipartFile("file", "TEN-01.xlsx",
                DraftTables.XLSX, changed)).param("path", MandatoryTenderTable.PATH).with(basic(AUTHOR, PASSWORD)))
                .andExpect(status().isOk());

        JsonNode diff = json(mvc.perform(get("/api/v1/rule-sets/" + version + "/tables/diff").param("path", MandatoryTenderTable.PATH)
                .param("against", String.valueOf(originalVersion)).with(basic(AUTHOR, PASSWORD))).andExpect(status().isOk()).andReturn());
        List<String> changes = new ArrayList<>();
        diff.path("sheets").forEach(s -> s.path("rows").forEach(r -> r.forEach(c -> {
            if (c.path("changed").asBoolean()) {
                changes.add(c.path("before").asString() + "→" + c.path("text").asString());
            }
        })));
        assertThat(changes).containsExactly("2000000→2500000");
    }

    @Test
    void anUploadThatIsNotAnXlsxWorkbookIsRefused() throws Exception {
        int version = copy();
        String before = fileOf(version, MandatoryTenderTable.PATH);
        mvc.perform(multipart("/api/v1/rule-sets/" + version + "/tables").file(new MockMultipartFile("file", "TEN-01.xlsx",
                DraftTables.XLSX, "not a workbook".getBytes())).param("path", MandatoryTenderTable.PATH).with(basic(AUTHOR, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/rule-sets/" + version + "/tables").file(new MockMultipartFile("file", "TEN-01.csv",
                "text/csv", "a,b".getBytes())).param("path", MandatoryTenderTable.PATH).with(basic(AUTHOR, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] unsafe = MandatoryTenderTable.bytes(MandatoryTenderTable.IMPORTS, "System.exit(1); // $param");
        mvc.perform(multipart("/api/v1/rule-sets/" + version + "/tables").file(new MockMultipartFile("file", "TEN-01.xlsx",
                DraftTables.XLSX, unsafe)).param("path", MandatoryTenderTable.PATH).with(basic(AUTHOR, PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(fileOf(version, MandatoryTenderTable.PATH)).isEqualTo(before);
    }

    /** The workbook with the first cell showing {@code shown} set to {@code value}. */
    static byte[] withCell(byte[] workbook, String shown, long value) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(MandatoryTenderTable.SHEET);
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (!found && new DataFormatter().formatCellValue(cell).equals(shown)) {
                        cell.setCellValue(String.valueOf(value));
                        found = true;
                    }
                }
            }
            assertThat(found).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static JsonNode caseNamed(JsonNode result, String name) {
        for (JsonNode c : result.path("changedCases")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String accepting(JsonNode result) {
        var body = Json.MAPPER.createObjectNode();
        var cases = body.putArray("cases");
        result.path("changedCases").forEach(c -> cases.addObject().put("file", c.path("file").asString()).put("name", c.path("name").asString()));
        return body.toString();
    }
}
