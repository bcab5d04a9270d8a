package lianshao.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;
import lianshao.contract.ContractSchemas;
import lianshao.contract.Domain;
import lianshao.contract.FieldDescription;

/** Templates for every kind, and a valid template-based XLSX of every kind stored and evaluated. */
class ImportDomainsTest extends ImportTestSupport {

    @Test
    void everyTemplateHasChineseHeadersFieldNamesCommentsAndDropDowns() throws Exception {
        for (ImportKind kind : ImportKind.values()) {
            byte[] bytes = mvc.perform(withKey(get("/api/v1/imports/templates/" + kind.slug() + ".xlsx")))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                XSSFSheet main = workbook.getSheetAt(0);
                List<String> fields = new ArrayList<>();
                for (Cell cell : main.getRow(1)) {
                    fields.add(cell.getStringCellValue());
                    Cell header = main.getRow(0).getCell(cell.getColumnIndex());
                    assertThat(header.getStringCellValue()).as(kind + " " + cell).matches(".*\\p{IsHan}.*");
                    assertThat(header.getCellComment()).as(kind + " comment " + cell).isNotNull();
                }
                assertThat(fields).as(kind.slug()).doesNotHaveDuplicates();
                if (kind.records()) {
                    assertThat(fields).startsWith("externalId", "orgCode", "occurredAt");
                    for (FieldDescription f : ContractSchemas.payload(kind.domain())) {
                        if (f.itemFields().isEmpty()) {
                            assertThat(fields).as(kind + " has a column for " + f.name()).contains(f.name());
                        } else {
                            assertThat(workbook.getSheet(Layouts.of(kind).itemSheet(f.name()).orElseThrow().sheetName()))
                                    .as(kind + " has a sheet for " + f.name()).isNotNull();
                        }
                    }
                }
                boolean enums = Layouts.of(kind).columns().stream().anyMatch(c -> !c.list() && !c.options().isEmpty());
                List<? extends DataValidation> validations = main.getDataValidations();
                assertThat(!validations.isEmpty()).as(kind + " drop-downs").isEqualTo(enums);
            }
        }
        XSSFWorkbook procurement = new XSSFWorkbook(new ByteArrayInputStream(Templates.of(ImportKind.valueOf("PROCUREMENT"))));
        XSSFSheet main = procurement.getSheetAt(0);
        int method = Layouts.of(ImportKind.valueOf("PROCUREMENT")).columns().indexOf(Layouts.of(ImportKind.valueOf("PROCUREMENT")).column("method").orElseThrow());
        assertThat(main.getRow(0).getCell(method).getStringCellValue()).isEqualTo("采购方式*");
        assertThat(main.getDataValidations()).anySatisfy(v ->
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(method));
        assertThat(procurement.getSheet("付款记录-payments")).isNotNull();
        assertThat(procurement.getSheet(TemplateWriter.LISTS_SHEET).getRow(1).getCell(0).getStringCellValue())
                .isEqualTo("OPEN_TENDER 公开招标");
        procurement.close();
        mvc.perform(withKey(get("/api/v1/imports/templates/nothing.xlsx"))).andExpect(status().isNotFound());
    }

    @Test
    void procurementRowsAreStoredAndEvaluated() throws Exception {
        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        String large = TestRecords.unique("CG-L");
        String small = TestRecords.unique("CG-S");
        file.row(procurement(large, school, new BigDecimal("2500000"), "INQUIRY 询价"));
        file.row(procurement(small, school, new BigDecimal("1000.50"), "询价"));
        file.item("payments", m("externalId", small, "amount", 1000.5, "on", LocalDate.of(2026, 4, 20), "payeeRef", "SUP-IMP"));
        file.item("payments", m("externalId", small, "amount", new BigDecimal("0"), "on", "2026-04-21", "payeeRef", "SUP-IMP"));

        JsonNode status = importFile("采购台账.xlsx", file.bytes(), "procurement");
        assertCounts(status, 2, 0, 0);
        assertThat(status.get("created").asInt()).isEqualTo(2);
        assertThat(status.get("rowsTotal").asInt()).isEqualTo(2);
        assertThat(status.get("source").asString()).isEqualTo(TestRecords.SOURCE);

        Map<String, List<List<String>>> report = report(status.get("id").asString());
        List<List<String>> accepted = report.get(ReportWriter.ACCEPTED);
        assertThat(accepted).hasSize(3);
        List<String> largeRow = accepted.stream().filter(r -> r.get(1).equals(large)).findFirst().orElseThrow();
        assertThat(largeRow.get(0)).isEqualTo("3");
        assertThat(largeRow.get(2)).isEqualTo("CREATED");
        assertThat(largeRow.get(4)).contains("PRC-01");

        JsonNode record = json(mvc.perform(withKey(get("/api/v1/records/" + largeRow.get(3)))).andExpect(status().isOk()).andReturn());
        assertThat(record.at("/record/payload/method").asString()).isEqualTo("INQUIRY");
        assertThat(record.at("/record/occurredAt").asString()).isEqualTo("2026-04-01T09:00:00+08:00");
        assertThat(record.get("warnings").toString()).contains("PRC-01");
        String smallId = accepted.stream().filter(r -> r.get(1).equals(small)).findFirst().orElseThrow().get(3);
        JsonNode smallRecord = json(mvc.perform(withKey(get("/api/v1/records/" + smallId))).andReturn());
        assertThat(smallRecord.at("/record/payload/payments").size()).isEqualTo(2);
        assertThat(smallRecord.at("/record/payload/payments/0/on").asString()).isEqualTo("2026-04-20");
        assertThat(smallRecord.at("/record/payload/amount").decimalValue()).isEqualByComparingTo("1000.50");
    }

    @Test
    void tenderWithBidsEvaluatorsAndVariations() throws Exception {
        String school = school();
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("TENDER"));
        String id = TestRecords.unique("ZB");
        file.row(m("externalId", id, "orgCode", school, "occurredAt", "2026-05-20T09:00:00+08:00", "tenderId", id,
                "projectName", "教学楼改造", "category", "CONSTRUCTION 工程", "estimatedAmount", 5000000, "procedure", "OPEN",
                "noticePublishedOn", LocalDate.of(2026, 3, 1), "bidDeadline", "2026-03-26",
                "candidates", "B1；B2; B3"));
        file.item("bids", m("externalId", id, "bidderRef", "B1", "price", 4800000, "disqualified", "否"));
        file.item("bids", m("externalId", id, "bidderRef", "B2", "price", 4935000, "disqualified", false));
        file.item("bids", m("externalId", id, "bidderRef", "B3", "price", 4751000, "disqualified", "否",
                "submittedAt", "2026-03-25 16:30"));
        file.item("evaluators", m("externalId", id, "ref", "EXP-1", "expert", "是", "randomlySelected", "是", "recused", "否"));

        JsonNode status = importFile("tender.xlsx", file.bytes(), "tender");
        assertCounts(status, 1, 0, 0);
        String recordId = report(status.get("id").asString()).get(ReportWriter.ACCEPTED).get(1).get(3);
        JsonNode record = json(mvc.perform(withKey(get("/api/v1/records/" + recordId))).andReturn());
        assertThat(record.at("/record/payload/bids").size()).isEqualTo(3);
        assertThat(record.at("/record/payload/bids/2/submittedAt").asString()).isEqualTo("2026-03-25T16:30:00+08:00");
        assertThat(record.at("/record/payload/candidates").toString()).isEqualTo("[\"B1\",\"B2\",\"B3\"]");
        assertThat(record.at("/record/payload/evaluators/0/expert").asBoolean()).isTrue();
        assertThat(record.at("/record/payload/category").asString()).isEqualTo("CONSTRUCTION");
    }

    @Test
    void admissionRecruitmentAndResearchFund() throws Exception {
        String school = school();
        LedgerFile admission = LedgerFile.from(ImportKind.valueOf("ADMISSION"));
        String student = TestRecords.unique("STU");
        admission.row(Map.ofEntries(Map.entry("externalId", student), Map.entry("orgCode", school),
                Map.entry("occurredAt", LocalDate.of(2026, 9, 1)), Map.entry("studentRef", student),
                Map.entry("stage", "小学"), Map.entry("schoolType", "PUBLIC"), Map.entry("year", 2026),
                Map.entry("admissionType", "SPECIAL_TALENT"), Map.entry("criteriaUsed", "SCHOOL_EXAM;INTERVIEW 面试"),
                Map.entry("guardianRefs", "G-1；G-2"), Map.entry("approverRef", TestRecords.unique("APP")),
                Map.entry("admittedOn", LocalDate.of(2026, 8, 28))));
        admission.item("fees", m("externalId", student, "type", "DONATION 捐资助学款", "amount", 30000, "paidOn", "2026/8/20"));
        JsonNode a = importFile("admission.xlsx", admission.bytes(), "admission");
        assertCounts(a, 1, 0, 0);
        JsonNode record = json(mvc.perform(withKey(get("/api/v1/records/"
                + report(a.get("id").asString()).get(ReportWriter.ACCEPTED).get(1).get(3)))).andReturn());
        assertThat(record.at("/record/payload/criteriaUsed").toString()).isEqualTo("[\"SCHOOL_EXAM\",\"INTERVIEW\"]");
        assertThat(record.at("/record/payload/guardianRefs").toString()).isEqualTo("[\"G-1\",\"G-2\"]");
        assertThat(record.at("/record/payload/fees/0/paidOn").asString()).isEqualTo("2026-08-20");
        assertThat(record.at("/record/payload/stage").asString()).isEqualTo("PRIMARY");
        assertThat(record.at("/record/occurredAt").asString()).isEqualTo("2026-09-01T00:00:00+08:00");

        LedgerFile recruitment = LedgerFile.from(ImportKind.valueOf("RECRUITMENT"));
        String candidate = TestRecords.unique("CAND");
        recruitment.row(m("externalId", candidate, "orgCode", school, "occurredAt", "2026-06-01 09:00",
                "recruitmentId", "R-2026", "positionCode", "T-01", "postCategory", "TEACHING", "openings", 1,
                "qualifiedApplicants", 5, "method", "OPEN_EXAM", "candidateRef", candidate));
        recruitment.row(m("externalId", candidate + "-2", "orgCode", school, "occurredAt", "2026-06-01 09:00",
                "recruitmentId", "R-2026", "positionCode", "T-01", "postCategory", "TEACHING", "openings", 1,
                "qualifiedApplicants", 5, "method", "OPEN_EXAM", "candidateRef", candidate + "-2", "hired", "否"));
        JsonNode r = importFile("recruitment.xlsx", recruitment.bytes(), "recruitment");
        assertCounts(r, 1, 1, 0);
        assertThat(errors(r)).containsExactly("招聘台账|3|该应聘人是否被聘用|必填字段缺失 / required field is missing");

        LedgerFile research = LedgerFile.from(ImportKind.valueOf("RESEARCH_FUND"));
        String project = TestRecords.unique("KY");
        research.row(Map.ofEntries(Map.entry("externalId", project), Map.entry("orgCode", school),
                Map.entry("occurredAt", "2026-06-01T09:00:00+08:00"), Map.entry("projectCode", project),
                Map.entry("projectStart", LocalDate.of(2025, 1, 1)), Map.entry("projectEnd", LocalDate.of(2027, 12, 31)),
                Map.entry("piRef", "PI-1"), Map.entry("budgetLine", "材料费"), Map.entry("budgetLineAmount", 200000),
                Map.entry("amount", 3000), Map.entry("payeeRef", "SUP-1"), Map.entry("paidOn", LocalDate.of(2026, 5, 30)),
                Map.entry("paymentMethod", "BANK_TRANSFER 银行转账")));
        assertCounts(importFile("research.xlsx", research.bytes(), "research-fund"), 1, 0, 0);
        assertThat(Domain.valueOf("RESEARCH_FUND")).isEqualTo(ImportKind.valueOf("RESEARCH_FUND").domain());
    }

    @Test
    void partiesAndRelations() throws Exception {
        LedgerFile parties = LedgerFile.from(ImportKind.PARTIES);
        String person = TestRecords.unique("P");
        String company = TestRecords.unique("ORG-SUP");
        parties.row(m("partyId", person, "kind", "个人", "name", "张三", "roles", "TEACHER;STAFF"));
        parties.row(m("partyId", company, "kind", "ORGANISATION 单位或企业", "name", "清源科技有限公司", "roles", "SUPPLIER",
                "registeredOn", LocalDate.of(2020, 1, 2), "creditCode", "91330000123456789X"));
        JsonNode p = importFile("parties.xlsx", parties.bytes(), "parties");
        assertCounts(p, 2, 0, 0);
        String roles = jdbc.sql("SELECT roles FROM party WHERE id = ?").param(person).query(String.class).single();
        assertThat(roles).isEqualTo("STAFF,TEACHER");

        LedgerFile relations = LedgerFile.from(ImportKind.RELATIONS);
        relations.row(m("fromRef", person, "toRef", company, "kind", "LEGAL_REPRESENTATIVE 法定代表人",
                "validFrom", LocalDate.of(2021, 1, 1)));
        relations.row(m("fromRef", person, "toRef", person, "kind", "SPOUSE"));
        JsonNode r = importFile("relations.xlsx", relations.bytes(), "relations");
        assertCounts(r, 1, 1, 0);
        assertThat(errors(r)).singleElement().asString().startsWith("关系台账|4|关系另一方|");
        assertCounts(importFile("relations.xlsx", relations.bytes(), "relations"), 1, 1, 1);
        assertCounts(importFile("parties.xlsx", parties.bytes(), "parties"), 2, 0, 2);
    }

    static Map<String, Object> procurement(String id, String school, BigDecimal amount, String method) {
        return new java.util.LinkedHashMap<>(Map.ofEntries(Map.entry("externalId", id), Map.entry("orgCode", school),
                Map.entry("occurredAt", "2026-04-01 09:00"), Map.entry("purchaseId", id), Map.entry("fiscalYear", 2026),
                Map.entry("budgetProjectCode", TestRecords.unique("BP")), Map.entry("itemCategory", "A02010104"),
                Map.entry("description", "教室多媒体设备"), Map.entry("amount", amount), Map.entry("method", method),
                Map.entry("supplierRef", "SUP-IMP"), Map.entry("approverRef", TestRecords.unique("APP"))));
    }
}
