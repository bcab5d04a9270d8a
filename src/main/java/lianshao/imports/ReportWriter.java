package lianshao.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/**
 * The row-level report of an import as XLSX (streamed: any number of rows): a summary, every rejected row with
 * its sheet, row number, column (Chinese header) and reason, and every accepted row with its record id, its
 * outcome (CREATED / UNCHANGED / REVISED) and the warnings it raised.
 */
@Component
class ReportWriter {

    static final String SUMMARY = "概要 summary";
    static final String REJECTED = "未通过的行 rejected";
    static final String ACCEPTED = "已受理的行 accepted";

    private final ImportJobs jobs;

    ReportWriter(ImportJobs jobs) {
        this.jobs = jobs;
    }

    byte[] write(ImportJobs.Job job) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = header(workbook);
            summary(workbook.createSheet(SUMMARY), job, header);

            SXSSFSheet rejected = workbook.createSheet(REJECTED);
            header(rejected, header, "工作表 sheet", "行号 row", "列 column", "字段 field", "记录编号 externalId", "原因 reason");
            int[] r = {1};
            jobs.eachError(job.id(), e -> {
                Row row = rejected.createRow(r[0]++);
                row.createCell(0).setCellValue(e.sheet());
                row.createCell(1).setCellValue(e.rowNo());
                row.createCell(2).setCellValue(e.column());
                row.createCell(3).setCellValue(e.field());
                row.createCell(4).setCellValue(e.externalId() == null ? "" : e.externalId());
                row.createCell(5).setCellValue(e.message());
            });
            widths(rejected, 22, 8, 28, 28, 24, 80);

            SXSSFSheet accepted = workbook.createSheet(ACCEPTED);
            header(accepted, header, "行号 row", "记录编号 externalId", "结果 outcome", "记录 ID recordId", "预警 warnings");
            int[] a = {1};
            jobs.eachRow(job.id(), o -> {
                if ("REJECTED".equals(o.outcome())) {
                    return;
                }
                Row row = accepted.createRow(a[0]++);
                row.createCell(0).setCellValue(o.rowNo());
                row.createCell(1).setCellValue(o.externalId() == null ? "" : o.externalId());
                row.createCell(2).setCellValue(o.outcome());
                row.createCell(3).setCellValue(o.recordId() == null ? "" : o.recordId());
                row.createCell(4).setCellValue(o.warnings() == null ? "" : o.warnings());
            });
            widths(accepted, 8, 24, 12, 40, 80);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(Sheet sheet, ImportJobs.Job job, CellStyle header) {
        Object[][] lines = {
                {"导入编号 import id", job.id()},
                {"类型 kind", ImportKind.valueOf(job.kind()).slug() + " " + Layouts.title(ImportKind.valueOf(job.kind()))},
                {"文件 file", job.fileName()},
                {"上传者 uploaded by", job.uploadedBy() + " (" + job.uploaderType() + ")"},
                {"来源 source", job.source()},
                {"上传时间 uploaded at", String.valueOf(Times.offset(job.createdAt()))},
                {"完成时间 finished at", job.finishedAt() == null ? "" : String.valueOf(Times.offset(job.finishedAt()))},
                {"状态 status", job.status()},
                {"失败原因 failure", job.failure() == null ? "" : job.failure()},
                {"数据行 rows", job.rowsTotal()},
                {"已处理 done", job.rowsDone()},
                {"已受理 accepted", job.accepted()},
                {"新建 created", job.created()},
                {"更新 revised", job.revised()},
                {"未变化 unchanged", job.unchanged()},
                {"未通过 rejected", job.rejected()},
                {"错误数 errors", job.errorCount()}};
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            Cell label = row.createCell(0);
            label.setCellValue((String) lines[i][0]);
            label.setCellStyle(header);
            if (lines[i][1] instanceof Integer n) {
                row.createCell(1).setCellValue(n);
            } else {
                row.createCell(1).setCellValue(String.valueOf(lines[i][1]));
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static CellStyle header(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static void header(Sheet sheet, CellStyle style, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(Sheet sheet, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }
}
