package lianshao.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;

/** Limits, hostile files, who may import and see what, the console page, and a 20,000-row file. */
class ImportSafetyTest extends ImportTestSupport {

    @Test
    void aLargeFileFinishesWithProgressAlongTheWay() throws Exception {
        String school = school();
        int rows = 20_000;
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("RESEARCH_FUND"));
        String prefix = TestRecords.unique("BIG");
        for (int i = 0; i < rows; i++) {
            file.row(m("externalId", prefix + "-" + i, "orgCode", school, "occurredAt", "2026-06-01 09:00",
                    "projectCode", prefix + "-P" + i, "projectStart", "2025-01-01", "projectEnd", "2027-12-31",
                    "piRef", prefix + "-PI" + i, "budgetLine", "MATERIALS", "budgetLineAmount", 200000, "amount", 100 + i % 900,
                    "payeeRef", prefix + "-S" + i, "paidOn", "2026-05-30", "paymentMethod", "BANK_TRANSFER"));
        }
        MvcResult accepted = upload("big.xlsx", file.bytes(), "research-fund", null).andExpect(status().isAccepted()).andReturn();
        String id = json(accepted).get("id").asString();
        TreeSet<Integer> seen = new TreeSet<>();
        JsonNode status;
        long deadline = System.currentTimeMillis() + 600_000;
        do {
            status = statusOf(id);
            if (status.get("status").asString().equals("RUNNING") && status.get("rowsTotal").asInt() == rows) {
                seen.add(status.get("rowsDone").asInt());
            }
            Thread.sleep(100);
        } while (status.get("status").asString().equals("RUNNING") && System.currentTimeMillis() < deadline);
        assertCounts(status, rows, 0, 0);
        assertThat(status.get("rowsDone").asInt()).isEqualTo(rows);
        assertThat(seen.subSet(1, rows)).as("progress seen while running: " + seen).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void macroLegacyAndNonSpreadsheetFilesAreRefusedAtOnce() throws Exception {
        byte[] template = Templates.of(ImportKind.valueOf("PROCUREMENT"));
        expectRefused("ledger.xlsm", template, "宏");
        expectRefused("ledger.xlsx", rewrite(template, "xl/vbaProject.bin", new byte[] {1, 2, 3}), "含有宏");
        expectRefused("ledger.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, ".xls");
        expectRefused("ledger.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, ".xls");
        expectRefused("ledger.xlsx", "这不是表格 / not a spreadsheet".getBytes(StandardCharsets.UTF_8), "XLSX");
        expectRefused("ledger.xlsx", zipOf("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)), "Excel");
        expectRefused("ledger.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), ".xlsx");
        expectRefused("ledger.csv", template, "CSV");
        upload("ledger.xlsx", template, "nothing", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        upload("ledger.xlsx", new byte[0], "procurement", null).andExpect(status().isBadRequest());
    }

    @Test
    void aFileOverTheSizeLimitIs413() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        upload("big.csv", big, "procurement", null).andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("4 MB")));
    }

    @Test
    void aZipBombOrHugeSharedStringsFailThatImportOnly() throws Exception {
        byte[] template = Templates.of(ImportKind.valueOf("PROCUREMENT"));
        byte[] bomb = bomb(template, 64 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        JsonNode failed = importFile("bomb.xlsx", bomb, "procurement");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).containsIgnoringCase("zip bomb");

        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i <= 100_000; i++) {
            sst.append("<si><t>s").append(Integer.toHexString(i * 7919)).append("</t></si>");
        }
        sst.append("</sst>");
        byte[] strings = rewrite(template, "xl/sharedStrings.xml", sst.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode huge = importFile("strings.xlsx", strings, "procurement");
        assertThat(huge.get("status").asString()).isEqualTo("FAILED");
        assertThat(huge.get("failure").asString()).contains("共享字符串表超过 100000 项");

        StringBuilder csv = new StringBuilder("externalId,orgCode\n");
        for (int i = 0; i <= 50_000; i++) {
            csv.append("R").append(i).append(",S\n");
        }
        JsonNode tooMany = importFile("rows.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "procurement");
        assertThat(tooMany.get("status").asString()).isEqualTo("FAILED");
        assertThat(tooMany.get("failure").asString()).contains("数据超过 50000 行");
        assertThat(tooMany.get("rowsDone").asInt()).isZero();

        JsonNode longLine = importFile("line.csv", ("externalId\n" + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8),
                "procurement");
        assertThat(longLine.get("failure").asString()).contains("第 2 行超过 65536 个字符");

        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        file.row(ImportDomainsTest.procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY"));
        assertCounts(importFile("after.xlsx", file.bytes(), "procurement"), 1, 0, 0);
    }

    @Test
    void whoMayImportAndWhoSeesWhat() throws Exception {
        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        file.row(ImportDomainsTest.procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY"));
        byte[] bytes = file.bytes();

        upload("l.xlsx", bytes, "procurement", signedIn(INSPECTOR)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "l.xlsx", XLSX, bytes)).param("kind", "procurement"))
                .andExpect(status().isUnauthorized());

        MvcResult byImporter = upload("l.xlsx", bytes, "procurement", signedIn(IMPORTER)).andExpect(status().isAccepted()).andReturn();
        String id = json(byImporter).get("id").asString();
        JsonNode done = null;
        for (int i = 0; i < 600; i++) {
            done = json(mvc.perform(get("/api/v1/imports/" + id).with(signedIn(IMPORTER))).andExpect(status().isOk()).andReturn());
            if (!done.get("status").asString().equals("RUNNING")) {
                break;
            }
            Thread.sleep(50);
        }
        assertCounts(done, 1, 0, 0);
        assertThat(done.get("source").asString()).isEqualTo("ledger-import");
        assertThat(done.get("uploadedBy").asString()).isEqualTo(IMPORTER);

        mvc.perform(withKey(get("/api/v1/imports/" + id))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports/" + id).with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/imports/" + id).with(signedIn(AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx").with(signedIn(IMPORTER))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/imports").with(signedIn(IMPORTER))).andExpect(status().isForbidden());
        mvc.perform(withKey(get("/api/v1/imports"))).andExpect(status().isForbidden());
        JsonNode audit = json(mvc.perform(get("/api/v1/imports?size=200").with(signedIn(AUDITOR))).andExpect(status().isOk()).andReturn());
        assertThat(audit.get("items").toString()).contains(id).contains("\"fileName\":\"l.xlsx\"").contains("\"uploadedBy\":\"" + IMPORTER + "\"");
        assertThat(audit.get("total").asLong()).isPositive();
    }

    @Test
    void theConsolePageUploadsAndShowsProgress() throws Exception {
        String school = school();
        String page = mvc.perform(get("/imports").with(signedIn(IMPORTER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-upload\"", "id=\"import-kind\"", "id=\"import-file\"", "id=\"template-procurement\"",
                "name=\"_csrf\"", "台账导入");
        mvc.perform(get("/imports/templates/tender.xlsx").with(signedIn(IMPORTER))).andExpect(status().isOk());
        mvc.perform(get("/imports").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());

        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        file.row(ImportDomainsTest.procurement(TestRecords.unique("CG"), school, new BigDecimal("-1"), "INQUIRY"));
        MvcResult posted = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "console.xlsx", XLSX, file.bytes()))
                .param("kind", "procurement").with(signedIn(IMPORTER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/imports?id=*")).andReturn();
        String id = posted.getResponse().getRedirectedUrl().substring("/imports?id=".length());
        JsonNode status = null;
        for (int i = 0; i < 600; i++) {
            status = json(mvc.perform(get("/imports/" + id + "/status").with(signedIn(IMPORTER))).andExpect(status().isOk()).andReturn());
            if (!status.get("status").asString().equals("RUNNING")) {
                break;
            }
            Thread.sleep(50);
        }
        assertCounts(status, 0, 1, 0);
        String progress = mvc.perform(get("/imports?id=" + id + "&lang=en").with(signedIn(IMPORTER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("id=\"import-progress\"", "id=\"import-report-link\"", "Ledger import",
                "amount must not be negative", "data-import-id=\"" + id + "\"").doesNotContain("金额不能为负数");
        mvc.perform(get("/imports/" + id + "/report.xlsx").with(signedIn(IMPORTER))).andExpect(status().isOk());

        String refused = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.xlsm", XLSX, file.bytes()))
                .param("kind", "procurement").with(signedIn(IMPORTER)).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"import-upload-error\"", "上传未受理");
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.xlsx", XLSX, file.bytes()))
                .param("kind", "procurement").with(signedIn(IMPORTER))).andExpect(status().isForbidden());
    }

    private void expectRefused(String name, byte[] bytes, String reason) throws Exception {
        upload(name, bytes, "procurement", null).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(reason)));
    }

    /** The workbook with one entry replaced or added. */
    static byte[] rewrite(byte[] xlsx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The workbook whose first sheet inflates to {@code size} bytes of (valid) XML whitespace. */
    static byte[] bomb(byte[] xlsx, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                            + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int written = 0; written < size; written += spaces.length) {
                        zip.write(spaces);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

}
