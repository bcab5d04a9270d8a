package lianshao.warnings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import lianshao.support.Json;

/** The queue and a single warning's dossier as XLSX workbooks (Chinese headers). */
@Component
public class WarningExport {

    private static final String[] QUEUE_HEADERS = {"预警编号", "规则", "风险点", "建议形态", "认定形态", "领域", "单位", "涉及对象",
            "状态", "处理人", "预警时间", "办理期限", "是否超期", "说明"};

    public byte[] queue(List<WarningView> warnings) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("预警清单");
            header(book, sheet, QUEUE_HEADERS);
            int r = 1;
            for (WarningView w : warnings) {
                Row row = sheet.createRow(r++);
                Object[] values = {w.id(), w.ruleId(), w.title(), w.formName(), w.decidedForm(), w.domain(), w.orgCode(),
                        String.join("、", w.subjectRefs()), w.status(), w.assignee(), text(w.raisedAt()), text(w.dueAt()),
                        w.overdue() ? "是" : "否", w.message()};
                fill(row, values);
            }
            for (int c = 0; c < QUEUE_HEADERS.length - 1; c++) {
                sheet.autoSizeColumn(c);
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One warning: its explanation, the facts that matched, the grading steps and the audit trail. */
    public byte[] dossier(WarningView w, List<WarningView.Action> history) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet main = book.createSheet("预警");
            header(book, main, new String[] {"项目", "内容"});
            Object[][] rows = {{"预警编号", w.id()}, {"规则", w.ruleId()}, {"风险点", w.title()}, {"说明", w.message()},
                    {"建议形态", w.formName()}, {"基础形态", w.grading().baseForm()}, {"认定形态", w.decidedForm()},
                    {"领域", w.domain()}, {"单位", w.orgCode()}, {"涉及对象", String.join("、", w.subjectRefs())},
                    {"方案举措", w.clause()}, {"法律依据", w.basis()}, {"责任处室", String.join("、", w.departments())},
                    {"状态", w.status()}, {"处理人", w.assignee()}, {"预警时间", text(w.raisedAt())}, {"办理期限", text(w.dueAt())},
                    {"记录编号", w.recordId()}, {"记录版本", w.recordRevision()}, {"规则集版本", w.ruleSetVersion()}};
            int r = 1;
            for (Object[] values : rows) {
                fill(main.createRow(r++), values);
            }
            main.autoSizeColumn(0);
            main.setColumnWidth(1, 100 * 256);

            Sheet facts = book.createSheet("命中事实");
            header(book, facts, new String[] {"事实", "值"});
            r = 1;
            Object evidenceFacts = w.evidence().get("facts");
            if (evidenceFacts instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    fill(facts.createRow(r++), new Object[] {e.getKey(), e.getValue() instanceof String s ? s : Json.write(e.getValue())});
                }
            }

            Sheet grading = book.createSheet("评级步骤");
            header(book, grading, new String[] {"步骤", "从", "到", "理由"});
            r = 1;
            for (Map<String, Object> step : w.grading().steps()) {
                fill(grading.createRow(r++), new Object[] {step.get("step"), step.get("fromForm"), step.get("toForm"), step.get("reason")});
            }

            Sheet audit = book.createSheet("处理记录");
            header(book, audit, new String[] {"时间", "操作", "操作人", "原状态", "新状态", "说明"});
            r = 1;
            for (WarningView.Action a : history) {
                fill(audit.createRow(r++), new Object[] {text(a.at()), a.action(), a.actor(), a.fromStatus(), a.toStatus(), a.comment()});
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(XSSFWorkbook book, Sheet sheet, String[] headers) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(bold);
        }
    }

    private static void fill(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                // text cells only: a value starting with = stays text, never a formula
                row.createCell(i).setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
