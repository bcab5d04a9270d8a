package lianshao.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger filled in the way a school would: the downloaded template, with values typed under the field names
 * of its second header row (strings, numbers, booleans, dates as Excel dates).
 */
final class LedgerFile {

    private final XSSFWorkbook workbook;
    private final Map<String, Integer> nextRow = new HashMap<>();
    private final CellStyle dateStyle;

    private LedgerFile(byte[] template) {
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    static LedgerFile from(ImportKind kind) {
        return new LedgerFile(Templates.of(kind));
    }

    /** A row of the main sheet; returns its row number as the spreadsheet shows it. */
    int row(Map<String, ?> values) {
        return put(workbook.getSheetAt(0), values);
    }

    /** A row of the list sheet of {@code listField}; {@code externalId} keys it to its record. */
    int item(String listField, Map<String, ?> values) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().endsWith("-" + listField)) {
                return put(sheet, values);
            }
        }
        throw new IllegalArgumentException("no sheet for " + listField);
    }

    private int put(Sheet sheet, Map<String, ?> values) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(1)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        int index = nextRow.merge(sheet.getSheetName(), 1, Integer::sum) + 1;
        Row row = sheet.createRow(index);
        values.forEach((field, value) -> {
            Integer column = columns.get(field);
            if (column == null) {
                throw new IllegalArgumentException("no column " + field + " in " + sheet.getSheetName());
            }
            Cell cell = row.createCell(column);
            if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (value != null) {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        });
        return index + 1;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
