package lianshao.imports;

import static lianshao.imports.ImportDomainsTest.procurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;

/** Row by row: every kind of bad cell reported by row and Chinese column, CSV encodings, re-imports. */
class ImportRowsTest extends ImportTestSupport {

    @Test
    void eachBadCellIsReportedWithItsRowAndChineseColumn() throws Exception {
        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        Map<String, Object> missing = procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY");
        missing.remove("description");
        int rMissing = file.row(missing);
        int rEnum = file.row(with(procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "QUERY"), "method", "QUERY"));
        int rNegative = file.row(procurement(TestRecords.unique("CG"), school, new BigDecimal("-100"), "INQUIRY"));
        int rDecimals = file.row(procurement(TestRecords.unique("CG"), school, new BigDecimal("100.125"), "INQUIRY"));
        int rDate = file.row(with(procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY"), "awardedOn", "2026-13-45"));
        int rText = file.row(with(with(procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY"),
                "fiscalYear", "二〇二六"), "quantity", "十台"));
        int rUnknownOrg = file.row(procurement(TestRecords.unique("CG"), "SCH-NOWHERE-" + TestRecords.unique("X"), BigDecimal.TEN, "INQUIRY"));
        int rLongOrg = file.row(procurement(TestRecords.unique("CG"), "S".repeat(65), BigDecimal.TEN, "INQUIRY"));
        int rTimestamp = file.row(with(procurement(TestRecords.unique("CG"), school, BigDecimal.TEN, "INQUIRY"), "occurredAt", "昨天"));
        String good = TestRecords.unique("CG");
        int rGood = file.row(procurement(good, school, BigDecimal.TEN, "INQUIRY"));
        int rDuplicate = file.row(procurement(good, school, BigDecimal.ONE, "INQUIRY"));
        String withBadPayment = TestRecords.unique("CG");
        int rBadPayment = file.row(procurement(withBadPayment, school, BigDecimal.TEN, "INQUIRY"));
        file.item("payments", m("externalId", withBadPayment, "amount", 5, "on", "2026-04-02", "payeeRef", "SUP-IMP"));
        int itemBad = file.item("payments", m("externalId", withBadPayment, "amount", "五元", "on", "2026-04-03", "payeeRef", "SUP-IMP"));
        int itemOrphan = file.item("payments", m("externalId", "CG-NOT-IN-FILE", "amount", 5, "on", "2026-04-03", "payeeRef", "SUP-IMP"));

        JsonNode status = importFile("bad-cells.xlsx", file.bytes(), "procurement");
        assertCounts(status, 1, 11, 0);
        List<String> errors = errors(status);
        String main = "采购台账|";
        assertThat(errors).contains(
                main + rMissing + "|采购内容|必填字段缺失 / required field is missing",
                main + rNegative + "|采购总金额|金额不能为负数 / amount must not be negative",
                main + rDecimals + "|采购总金额|金额最多两位小数 / at most 2 decimal places",
                main + rDate + "|确定成交的日期|日期无效，应为 YYYY-MM-DD / invalid date, expected YYYY-MM-DD",
                main + rText + "|预算年度|应为整数 / expected an integer",
                main + rText + "|采购数量|应为数字 / expected a number",
                main + rLongOrg + "|记录所属单位的机构代码|长度不能超过 64 个字符 / must be at most 64 characters",
                main + rDuplicate + "|记录在来源系统中的编号|与第 " + rGood + " 行的记录编号重复 / same externalId as row " + rGood,
                "付款记录-payments|" + itemBad + "|付款金额|应为数字 / expected a number",
                "付款记录-payments|" + itemOrphan + "|所属记录编号|主表中没有编号为 CG-NOT-IN-FILE 的记录 / no record CG-NOT-IN-FILE in the main sheet");
        assertThat(errors).anyMatch(e -> e.startsWith(main + rEnum + "|采购方式|取值必须是以下之一"));
        assertThat(errors).anyMatch(e -> e.startsWith(main + rUnknownOrg + "|记录所属单位的机构代码|机构代码未登记"));
        assertThat(errors).anyMatch(e -> e.startsWith(main + rTimestamp + "|业务发生的时间|时间无效，应填 2026-03-02 10:15"))
                .noneMatch(e -> e.contains("ISO-8601"));
        assertThat(errors).noneMatch(e -> e.startsWith(main + rBadPayment + "|"));
        assertThat(status.get("errorCount").asInt()).isEqualTo(errors.size());

        Map<String, List<List<String>>> report = report(status.get("id").asString());
        assertThat(report.get(ReportWriter.REJECTED)).hasSize(errors.size() + 1)
                .anySatisfy(r -> assertThat(r).containsExactly("付款记录-payments", String.valueOf(itemBad), "付款金额",
                        "payload.payments[1].amount", withBadPayment, "应为数字 / expected a number"));
        assertThat(report.get(ReportWriter.ACCEPTED)).hasSize(2);
        assertThat(report.get(ReportWriter.ACCEPTED).get(1)).startsWith(String.valueOf(rGood), good, "CREATED");
    }

    @Test
    void gbkCsvIsReadWithItsChineseTextIntact() throws Exception {
        String school = school();
        String id = TestRecords.unique("CSV");
        String csv = csvOf(school, id, "教室多媒体设备（含投影仪、幕布）", "\"含逗号, 和\"\"引号\"\"\"");
        JsonNode status = importFile("采购台账-gbk.csv", csv.getBytes(Charset.forName("GBK")), "procurement");
        assertCounts(status, 2, 0, 0);
        assertThat(status.get("format").asString()).isEqualTo("CSV");
        assertThat(payloadOf(status, id + "-1").get("description").asString()).isEqualTo("教室多媒体设备（含投影仪、幕布）");
        assertThat(payloadOf(status, id + "-2").get("description").asString()).isEqualTo("含逗号, 和\"引号\"");

        String utf8 = TestRecords.unique("CSV");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = csvOf(school, utf8, "实验室耗材", "图书馆书架").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        JsonNode u = importFile("utf8.csv", withBom, "procurement");
        assertCounts(u, 2, 0, 0);
        assertThat(payloadOf(u, utf8 + "-1").get("description").asString()).isEqualTo("实验室耗材");
    }

    @Test
    void checkedInFilesImportAndImportAgainUnchanged() throws Exception {
        putJson("/api/v1/orgs/SCH-IMP-FIXTURE", """
                { "name": "导入样例学校", "type": "SCHOOL", "district": "清源区" }""");
        for (String name : List.of("procurement-gbk.csv", "procurement-sample.xlsx")) {
            byte[] bytes;
            try (InputStream in = getClass().getResourceAsStream("/imports/" + name)) {
                bytes = in.readAllBytes();
            }
            JsonNode first = importFile(name, bytes, "procurement");
            assertThat(first.get("status").asString()).isEqualTo("DONE");
            assertThat(first.get("rejected").asInt()).as(first.toString()).isZero();
            int rows = first.get("rowsTotal").asInt();
            assertThat(rows).isGreaterThan(1);
            assertCounts(importFile(name, bytes, "procurement"), rows, 0, rows);
        }
        String description = jdbc.sql("""
                SELECT v.envelope FROM record r JOIN record_revision v ON v.record_id = r.id
                WHERE r.source = ? AND r.external_id = ? ORDER BY v.revision DESC LIMIT 1""")
                .params(TestRecords.SOURCE, "FIXTURE-GBK-0001").query(String.class).single();
        assertThat(description).contains("多媒体教室设备");
    }

    @Test
    void reImportChangesNothingAndAChangedRowIsRevised() throws Exception {
        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        String a = TestRecords.unique("CG");
        String b = TestRecords.unique("CG");
        file.row(procurement(a, school, new BigDecimal("2500000"), "INQUIRY"));
        file.row(procurement(b, school, new BigDecimal("1200.00"), "INQUIRY"));
        byte[] bytes = file.bytes();
        JsonNode first = importFile("ledger.xlsx", bytes, "procurement");
        assertCounts(first, 2, 0, 0);
        long[] before = storedRows();
        JsonNode second = importFile("ledger.xlsx", bytes, "procurement");
        assertCounts(second, 2, 0, 2);
        assertThat(storedRows()).containsExactly(before);
        assertThat(report(second.get("id").asString()).get(ReportWriter.ACCEPTED).get(1)).contains("UNCHANGED");
        assertThat(report(second.get("id").asString()).get(ReportWriter.ACCEPTED).get(1).get(4)).contains("PRC-01");

        LedgerFile changed = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        changed.row(procurement(a, school, new BigDecimal("2500000"), "INQUIRY"));
        Map<String, Object> row = procurement(b, school, new BigDecimal("1300.00"), "INQUIRY");
        changed.row(row);
        JsonNode third = importFile("ledger.xlsx", changed.bytes(), "procurement");
        assertThat(third.get("revised").asInt()).as(third.toString()).isEqualTo(2);
    }

    private JsonNode payloadOf(JsonNode status, String externalId) throws Exception {
        String recordId = report(status.get("id").asString()).get(ReportWriter.ACCEPTED).stream()
                .filter(r -> r.get(1).equals(externalId)).findFirst().orElseThrow().get(3);
        return json(mvc.perform(withKey(get("/api/v1/records/" + recordId))).andExpect(status().isOk()).andReturn())
                .at("/record/payload");
    }

    private static String csvOf(String school, String id, String description1, String description2Csv) {
        String header = "记录在来源系统中的编号,记录所属单位的机构代码,业务发生的时间,采购编号,预算年度,资金来源的预算项目编码,采购品目,采购内容,采购总金额,采购方式,成交供应商,批准本次采购的人员\r\n"
                + "externalId,orgCode,occurredAt,purchaseId,fiscalYear,budgetProjectCode,itemCategory,description,amount,method,supplierRef,approverRef\r\n";
        return header
                + id + "-1," + school + ",2026-04-01 09:00," + id + "-1,2026,BP-CSV,A02010104," + description1 + ",\"1,200.00\",询价,SUP-CSV,APP-CSV\r\n"
                + id + "-2," + school + ",2026/4/2," + id + "-2,2026,BP-CSV,A02010104," + description2Csv + ",800,INQUIRY,SUP-CSV,APP-CSV\r\n";
    }

    private static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
        row.put(field, value);
        return row;
    }
}
