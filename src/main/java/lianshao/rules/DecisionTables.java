package lianshao.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import lianshao.support.OneLanguage;

/**
 * Spreadsheet decision tables ({@code *.drl.xlsx}). A table is binary: a rule set stores it as text,
 * {@code base64:} followed by the Base64 of the file. Before any check, a table is converted to DRL text
 * with Drools' {@link SpreadsheetCompiler}; that text then goes through the same safety check, metadata
 * checks and build as a hand-written DRL file, and its problems are reported against the table's path.
 * Converting reads cells and fills in templates: it evaluates none of the table's code.
 */
public final class DecisionTables {

    public static final String SUFFIX = ".drl.xlsx";
    public static final String BASE64_PREFIX = "base64:";
    /** Bytes of one table (a table of a few hundred rows is a few tens of kilobytes). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private DecisionTables() {
    }

    public static boolean isTable(String path) {
        return path.endsWith(SUFFIX);
    }

    /** The stored text of a table file. */
    public static String encode(byte[] bytes) {
        return BASE64_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes of a stored table; throws with a message for the author when the text is not Base64. */
    public static byte[] decode(String text) {
        if (text == null || !text.startsWith(BASE64_PREFIX)) {
            throw new IllegalArgumentException("决策表须以 \"" + BASE64_PREFIX + "\" 加 Base64 内容保存 / a decision table is stored as \""
                    + BASE64_PREFIX + "\" followed by the Base64 of the .xlsx file");
        }
        String body = text.substring(BASE64_PREFIX.length()).strip();
        if (body.length() > MAX_BYTES / 3 * 4 + 4) {
            throw new IllegalArgumentException("决策表过大（上限 " + MAX_BYTES / 1024 + " KB）/ decision table too large (limit "
                    + MAX_BYTES / 1024 + " KB)");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("决策表内容不是有效的 Base64：" + e.getMessage() + " / the decision table is not valid Base64: " + e.getMessage());
        }
    }

    /** The DRL text generated from a table, and the names of the sheets it was generated from. */
    public record Generated(String drl, List<String> sheets) {

        /** "generated from sheet X", for problems found in the generated text: "中文 / English" when joined to one. */
        public String origin(String problem) {
            String names = String.join(", ", sheets);
            String english = "(in the DRL generated from sheet " + names + ")";
            if (problem.endsWith(english)) {
                return problem;
            }
            return OneLanguage.pick(problem, Locale.SIMPLIFIED_CHINESE) + "（由工作表 " + names + " 生成的 DRL）"
                    + " / " + OneLanguage.pick(problem, Locale.ENGLISH) + " " + english;
        }
    }

    /**
     * Converts a stored table to DRL; returns null and adds a problem (against {@code file}) when the
     * table cannot be read or holds no rule table.
     */
    public static Generated toDrl(String file, String text, List<RuleProblem> problems) {
        byte[] bytes;
        try {
            bytes = decode(text);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, 0, 0, e.getMessage()));
            return null;
        }
        List<String> sheets;
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            sheets = ruleTableSheets(book);
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, 0, "无法读取电子表格（须为 .xlsx 文件）/ not a readable spreadsheet (an .xlsx file is "
                    + "expected): " + reason(e)));
            return null;
        }
        if (sheets.isEmpty()) {
            problems.add(new RuleProblem(file, 0, 0, "电子表格中没有 RuleTable / the spreadsheet holds no \"RuleTable\" (see rules/README.md)"));
            return null;
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(file, 0, 0, "决策表格式错误（工作表 " + String.join(", ", sheets) + "）/ malformed decision table "
                    + "(sheet " + String.join(", ", sheets) + "): " + reason(e)));
            return null;
        }
        if (drl == null || drl.isBlank()) {
            problems.add(new RuleProblem(file, 0, 0, "决策表没有生成任何规则 / the decision table produced no rules"));
            return null;
        }
        return new Generated(drl, List.copyOf(sheets));
    }

    /** Sheets with a cell starting "RuleTable": the ones the compiler turns into rules. */
    private static List<String> ruleTableSheets(Workbook book) {
        List<String> names = new ArrayList<>();
        for (Sheet sheet : book) {
            search:
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                        names.add(sheet.getSheetName());
                        break search;
                    }
                }
            }
        }
        return names;
    }

    private static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        String shown = text.toString().strip();
        return shown.length() > 500 ? shown.substring(0, 500) + "…" : shown;
    }
}
