package lianshao.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The report as a workbook in the reader's language (Chinese by default): a sheet of the counts per period and
 * value, and one of the totals per value; headers and labels are words (第一种形态, 采购, the organisation's
 * name), the code in a column of its own.
 */
@Component
public class StatisticsExport {

    private final MessageSource messages;

    StatisticsExport(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] xlsx(StatisticsReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            String byLabel = text("stats.by." + report.by().name());

            Sheet details = book.createSheet(text("stats.sheet"));
            title(details, report, byLabel);
            header(details, bold, text("stats.periodColumn"), byLabel, report);
            int r = 3;
            for (StatisticsReport.Row row : report.rows()) {
                line(details.createRow(r++), List.of(row.periodLabel(), row.label(), row.key()), row.counts(), row.total(), report);
            }
            Row total = details.createRow(r);
            line(total, List.of(text("stats.total"), "", ""), report.total().counts(), report.total().total(), report);
            total.forEach(c -> c.setCellStyle(bold));
            widths(details);

            Sheet byKey = book.createSheet(text("stats.total") + "-" + byLabel);
            title(byKey, report, byLabel);
            header(byKey, bold, null, byLabel, report);
            r = 3;
            for (StatisticsReport.Line line : report.keys()) {
                line(byKey.createRow(r++), List.of(line.label(), line.key()), line.counts(), line.total(), report);
            }
            widths(byKey);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void title(Sheet sheet, StatisticsReport report, String byLabel) {
        sheet.createRow(0).createCell(0).setCellValue(text("stats.title") + "：" + text("stats.range", report.from().toString(),
                report.to().toString(), text("stats.period." + report.period().name()), byLabel));
    }

    private void header(Sheet sheet, CellStyle bold, String periodHeader, String byLabel, StatisticsReport report) {
        List<String> headers = new ArrayList<>();
        if (periodHeader != null) {
            headers.add(periodHeader);
        }
        headers.add(byLabel);
        headers.add(text("stats.code"));
        report.groups().forEach(g -> headers.add(g.label()));
        headers.add(text("stats.total"));
        Row row = sheet.createRow(2);
        for (int i = 0; i < headers.size(); i++) {
            row.createCell(i).setCellValue(headers.get(i));
            row.getCell(i).setCellStyle(bold);
        }
    }

    /** Text cells first (never formulas, whatever a name starts with), then the counts as numbers. */
    private static void line(Row row, List<String> texts, Map<String, Long> counts, long total, StatisticsReport report) {
        int c = 0;
        for (String t : texts) {
            row.createCell(c++).setCellValue(t == null ? "" : t);
        }
        for (StatisticsReport.Label g : report.groups()) {
            row.createCell(c++).setCellValue(counts.getOrDefault(g.key(), 0L));
        }
        row.createCell(c).setCellValue(total);
    }

    private static void widths(Sheet sheet) {
        for (int c = 0; c < 3; c++) {
            sheet.setColumnWidth(c, 24 * 256);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
