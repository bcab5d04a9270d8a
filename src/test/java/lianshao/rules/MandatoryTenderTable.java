package lianshao.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the decision table of TEN-01 (mandatory tender by category), {@code rules/tender/TEN-01-mandatory-tender.drl.xlsx}.
 * Run once with {@code main} after changing it; the tests also build variants of it (an unsafe action,
 * a disallowed import) with {@link #bytes(String, String)}.
 */
public final class MandatoryTenderTable {

    public static final String PATH = "tender/TEN-01-mandatory-tender.drl.xlsx";
    public static final String SHEET = "TEN-01";
    public static final String IMPORTS = "java.math.BigDecimal, lianshao.facts.*";

    /**
     * The action: one hits.raise(...) chain; $param is the category's threshold (the same as the condition's).
     * {@code longValue() >= 2L * threshold} equals {@code estimatedAmount >= 2 × threshold} for whole-yuan thresholds.
     */
    public static final String ACTION = """
            hits.raise("项目「" + $t.projectName() + "」（" + hits.label("TENDER.category", $t.category()) + "）估算金额 " \
            + hits.yuan($t.estimatedAmount()) + "，达到必须招标标准 " + hits.yuan($param) + "，却以" \
            + hits.label("TENDER.procedure", $t.procedure()) + "方式确定承包/供货单位，且未说明法定不招标事由" \
            + "（招标投标法 第三条、第四条）。")\
            .inEnglish("Project " + $t.tenderId() + " (" + hits.label("TENDER.category", $t.category()) + ") is estimated at " \
            + hits.yuan($t.estimatedAmount()) + ", at or above the mandatory-tender threshold of " + hits.yuan($param) + ", but used " \
            + hits.label("TENDER.procedure", $t.procedure()) + " with no exemption claimed.")\
            .subject($t.approverRef())\
            .counterparty($t.winnerRef())\
            .evidence("estimatedAmount", $t.estimatedAmount())\
            .evidence("threshold", $param)\
            .evidence("category", $t.category())\
            .evidence("procedure", $t.procedure())\
            .escalateIf($t.estimatedAmount().longValue() >= 2L * $param, 3, "估算金额达到必须招标标准的 2 倍");""";

    /** Category, threshold in yuan (必须招标的工程项目规定 第五条). */
    public static final List<Object[]> ROWS = List.of(
            new Object[] {"CONSTRUCTION", 4_000_000L},
            new Object[] {"GOODS", 2_000_000L},
            new Object[] {"SERVICES", 1_000_000L});

    private MandatoryTenderTable() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "rules").resolve(PATH);
        Files.write(target, bytes(IMPORTS, ACTION));
        System.out.println("wrote " + target);
    }

    /** The table with the given Import setting and action snippet. */
    public static byte[] bytes(String imports, String action) {
        return bytes(imports, "Hits hits", action, ROWS);
    }

    /** The table with the given settings, action snippet and rows (category, threshold). */
    public static byte[] bytes(String imports, String variables, String action, List<Object[]> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(SHEET);
            int r = 0;
            row(sheet, r++, "RuleSet", "lianshao.rules.tender");
            row(sheet, r++, "Import", imports);
            row(sheet, r++, "Variables", variables);
            row(sheet, r++, "Notes", "应招未招 — 必须招标的工程项目规定 第五条：单项合同估算价达到下列标准的必须招标 / "
                    + "mandatory-tender thresholds by category; one row per category");
            r++;
            row(sheet, r++, "RuleTable TEN-01 mandatory tender avoided");
            row(sheet, r++, "NAME", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA",
                    "CONDITION", "CONDITION", "ACTION");
            int objectRow = r;
            row(sheet, r++, "", "", "", "", "", "", "", "", "$t : Tender", "", "");
            sheet.addMergedRegion(new CellRangeAddress(objectRow, objectRow, 8, 9));
            row(sheet, r++, "", "id(\"$param\")", "title(\"$param\")", "titleEn(\"$param\")", "form($param)",
                    "clause(\"$param\")", "basis(\"$param\")", "departments(\"$param\")",
                    "current, !tendered, !exempted, category == \"$param\"", "estimatedAmount >= $param", action);
            row(sheet, r++, "规则名 / rule", "编号 / id", "标题", "title", "基础表单 / form", "条款 / clauses", "依据 / basis",
                    "部门 / departments", "类别（未招标、未说明豁免）/ category", "必须招标标准（元）/ threshold",
                    "预警（阈值同左）/ warning (same threshold)");
            for (Object[] category : rows) {
                row(sheet, r++, "TEN-01 mandatory tender avoided " + category[0], "TEN-01", "应招未招", "Mandatory tender avoided",
                        "2", "M9,M8,M3", "招标投标法 第三条、第四条、第四十九条 [V]；必须招标的工程项目规定 第五条 [S]",
                        "计财处,审计处,法规处,纪检组", (String) category[0], category[1].toString(), category[1].toString());
            }
            for (int c = 0; c <= 10; c++) {
                sheet.setColumnWidth(c, c == 10 ? 60 * 256 : 22 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every cell is created, blank ones too: the parser reads a merged region through its cells. */
    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isEmpty()) {
                row.createCell(c);
            } else {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }
}
