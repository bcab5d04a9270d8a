package lianshao.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import lianshao.contract.Domain;

/** The import layout and the template workbook of a kind as text, for the golden test of the contract. */
public final class ImportGolden {

    private ImportGolden() {
    }

    public static Optional<ImportKind> kindOf(Domain domain) {
        return ImportKind.values().stream().filter(k -> k.domain() == domain).findFirst();
    }

    /** The reference-data kinds (parties, relations), which belong to no domain. */
    public static List<ImportKind> referenceKinds() {
        return ImportKind.values().stream().filter(k -> !k.records()).toList();
    }

    public static String layout(ImportKind kind) {
        Layout layout = Layouts.of(kind);
        List<String> out = new ArrayList<>();
        out.add("kind " + kind.name() + " slug=" + kind.slug() + " title=" + Layouts.title(kind));
        out.add("main sheet " + layout.mainSheet());
        layout.columns().forEach(c -> column(out, "  ", c));
        for (ItemSheet item : layout.itemSheets()) {
            out.add("item sheet " + item.sheetName() + " list=" + item.listField() + " path=" + item.path()
                    + " header=" + item.header() + " required=" + item.required());
            out.add("  description: " + item.description());
            item.columns().forEach(c -> column(out, "  ", c));
        }
        return String.join("\n", out) + "\n";
    }

    private static void column(List<String> out, String indent, Column c) {
        out.add(indent + "column " + c.field() + " path=" + c.path() + " header=" + c.header() + " display="
                + c.displayHeader() + " required=" + c.required() + " kind=" + c.value().kind() + " cell=" + c.cellKind()
                + " list=" + c.list());
        out.add(indent + "  description: " + c.description());
        if (!c.options().isEmpty()) {
            out.add(indent + "  options: " + c.options().stream().map(Column.EnumOption::display)
                    .collect(Collectors.joining(" | ")));
        }
    }

    /** Every sheet (hidden or not) with its cells, header comments and validations; the workbook's names. */
    public static String template(ImportKind kind) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TemplateWriter.write(Layouts.of(kind))))) {
            DataFormatter formatter = new DataFormatter();
            List<String> out = new ArrayList<>();
            out.add("active sheet " + workbook.getActiveSheetIndex());
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                out.add("sheet " + s + " " + sheet.getSheetName() + (workbook.isSheetHidden(s) ? " (hidden)" : "")
                        + (sheet.getPaneInformation() == null ? "" : " frozen rows=" + sheet.getPaneInformation().getHorizontalSplitPosition()));
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getAddress().formatAsString() + "=" + formatter.formatCellValue(cell));
                    }
                    out.add("  row " + (row.getRowNum() + 1) + ": " + String.join(" ¦ ", cells));
                    for (Cell cell : row) {
                        Comment comment = cell.getCellComment();
                        if (comment != null) {
                            out.add("    comment " + cell.getAddress().formatAsString() + ": "
                                    + comment.getString().getString().replace("\n", "⏎"));
                        }
                    }
                }
                for (DataValidation validation : sheet.getDataValidations()) {
                    DataValidationConstraint constraint = validation.getValidationConstraint();
                    String ranges = java.util.Arrays.stream(validation.getRegions().getCellRangeAddresses())
                            .map(CellRangeAddress::formatAsString).collect(Collectors.joining(","));
                    String values = constraint.getExplicitListValues() != null
                            ? String.join("|", constraint.getExplicitListValues()) : constraint.getFormula1();
                    out.add("  validation " + ranges + " type=" + constraint.getValidationType() + " values=" + values
                            + " error=" + validation.getErrorBoxTitle() + "/" + validation.getErrorBoxText());
                }
            }
            List<String> names = new ArrayList<>();
            for (Name name : workbook.getAllNames()) {
                names.add("name " + name.getNameName() + " = " + name.getRefersToFormula());
            }
            names.sort(null);
            out.addAll(names);
            return String.join("\n", out) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
