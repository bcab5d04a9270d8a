package lianshao.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import lianshao.contract.ValueKind;

/**
 * Writes the XLSX template of an import kind: the main sheet, one sheet per list of objects, an instructions
 * sheet and a hidden sheet with the drop-down values. Row 1 holds the Chinese headers (required ones marked
 * {@code *}, each with a comment explaining the field), row 2 the field names; data starts on row 3.
 */
final class TemplateWriter {

    static final String LISTS_SHEET = "_lists";
    static final String INSTRUCTIONS_SHEET = "填写说明";
    static final String[] BOOLEANS = {"是", "否"};
    /** Data validations cover this many data rows. */
    private static final int VALIDATED_ROWS = 50_000;

    private TemplateWriter() {
    }

    static byte[] write(Layout layout) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet lists = null;
            List<Sheet> dataSheets = new ArrayList<>();
            Sheet main = workbook.createSheet(layout.mainSheet());
            dataSheets.add(main);
            List<Sheet> itemSheets = new ArrayList<>();
            for (ItemSheet item : layout.itemSheets()) {
                itemSheets.add(workbook.createSheet(item.sheetName()));
            }
            Sheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
            lists = workbook.createSheet(LISTS_SHEET);
            ListValues listValues = new ListValues(workbook, lists);

            fill(main, layout.columns(), styles, listValues);
            for (int i = 0; i < layout.itemSheets().size(); i++) {
                List<Column> columns = new ArrayList<>();
                columns.add(Layouts.keyColumn());
                columns.addAll(layout.itemSheets().get(i).columns());
                fill(itemSheets.get(i), columns, styles, listValues);
            }
            instructions(instructions, layout, styles);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<Column> columns, Styles styles, ListValues lists) {
        Row headers = sheet.createRow(0);
        Row fields = sheet.createRow(1);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int last = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell header = headers.createCell(c);
            header.setCellValue(column.displayHeader());
            header.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
            Cell field = fields.createCell(c);
            field.setCellValue(column.field());
            field.setCellStyle(styles.fieldName);

            ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(8);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(ColumnHints.comment(column)));
            comment.setAuthor("廉哨");
            header.setCellComment(comment);

            sheet.setDefaultColumnStyle(c, styles.forKind(column));
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, column.displayHeader().length() * 2 + 4)) * 256);

            CellRangeAddressList range = new CellRangeAddressList(2, Math.min(last, VALIDATED_ROWS + 1), c, c);
            DataValidationConstraint constraint = null;
            if (!column.list() && column.cellKind() == ValueKind.ENUM) {
                constraint = helper.createFormulaListConstraint(lists.range(column));
            } else if (!column.list() && column.cellKind() == ValueKind.BOOLEAN) {
                constraint = helper.createExplicitListConstraint(BOOLEANS);
            }
            if (constraint != null) {
                DataValidation validation = helper.createValidation(constraint, range);
                validation.setSuppressDropDownArrow(true);
                // a warning, not a stop: the plain code (INQUIRY) is accepted too
                validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                validation.setShowErrorBox(true);
                validation.createErrorBox("取值不在列表中", "请从下拉列表选择，或只填代码（如 INQUIRY）。");
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 2);
    }

    private static void instructions(Sheet sheet, Layout layout, Styles styles) {
        String[] titles = {"工作表", "列标题", "字段名", "必填", "格式", "含义", "可选值"};
        Row head = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header);
        }
        int r = 1;
        for (Column column : layout.columns()) {
            row(sheet, r++, layout.mainSheet(), column);
        }
        for (ItemSheet item : layout.itemSheets()) {
            row(sheet, r++, item.sheetName(), Layouts.keyColumn());
            for (Column column : item.columns()) {
                row(sheet, r++, item.sheetName(), column);
            }
        }
        r++;
        String[] notes = {
                "第 1 行为中文列标题（带 * 为必填），第 2 行为字段名，请勿修改；数据从第 3 行开始，每行一条。",
                "列表字段（如投标、缴费、付款）填在对应的工作表中，每行一项，第一列填所属记录的编号（主表 externalId）。",
                "多值字段（如监护人、评审专家）在一个单元格内以分号 ; 或 ； 分隔。",
                "日期可填 YYYY-MM-DD 文本或 Excel 日期；金额填数字（元），最多两位小数。",
                "公式单元格按其保存的计算结果读取；请勿上传启用宏的文件（.xlsm）。",
                "同一文件再次导入不会重复入库：未变化的行显示为“未变化”(UNCHANGED)。"};
        for (String note : notes) {
            sheet.createRow(r++).createCell(0).setCellValue(note);
        }
        int[] widths = {22, 28, 24, 6, 40, 80, 60};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static void row(Sheet sheet, int index, String sheetName, Column column) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(sheetName);
        row.createCell(1).setCellValue(column.header());
        row.createCell(2).setCellValue(column.field());
        row.createCell(3).setCellValue(column.required() ? "是" : "否");
        row.createCell(4).setCellValue(ColumnHints.format(column));
        row.createCell(5).setCellValue(column.description() == null ? "" : column.description());
        row.createCell(6).setCellValue(ColumnHints.options(column));
    }

    /** Enumeration values on the hidden sheet, one column per enumerated field, each behind a name. */
    private static final class ListValues {
        private final XSSFWorkbook workbook;
        private final Sheet sheet;
        private int next;

        ListValues(XSSFWorkbook workbook, Sheet sheet) {
            this.workbook = workbook;
            this.sheet = sheet;
        }

        String range(Column column) {
            int col = next++;
            List<Column.EnumOption> options = column.options();
            Row head = row(0);
            head.createCell(col).setCellValue(column.field());
            for (int i = 0; i < options.size(); i++) {
                row(i + 1).createCell(col).setCellValue(options.get(i).display());
            }
            String letter = CellReference.convertNumToColString(col);
            String name = "list_" + col;
            Name defined = workbook.createName();
            defined.setNameName(name);
            defined.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (options.size() + 1));
            return name;
        }

        private Row row(int index) {
            Row row = sheet.getRow(index);
            return row == null ? sheet.createRow(index) : row;
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle fieldName;
        final CellStyle text;
        final CellStyle money;
        final CellStyle number;
        final CellStyle date;
        final CellStyle general;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            header = headerStyle(workbook, bold);
            requiredHeader = headerStyle(workbook, red);
            fieldName = workbook.createCellStyle();
            fieldName.setFont(grey);
            fieldName.setBorderBottom(BorderStyle.THIN);
            short textFormat = workbook.createDataFormat().getFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("General"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            general = workbook.createCellStyle();
        }

        private static CellStyle headerStyle(XSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setWrapText(true);
            return style;
        }

        CellStyle forKind(Column column) {
            if (column.list()) {
                return text;
            }
            return switch (column.cellKind()) {
                case TEXT, ENUM, TIMESTAMP -> text;
                case NUMBER -> column.value().money() ? money : number;
                case INTEGER -> number;
                case DATE -> date;
                default -> general;
            };
        }
    }
}
