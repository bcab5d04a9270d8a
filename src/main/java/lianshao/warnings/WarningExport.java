package lianshao.warnings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;

/**
 * The queue and a single warning's dossier as XLSX workbooks, as people read them: headers in the reader's language
 * (Chinese unless English was chosen), labels instead of codes, organisations, parties and users by name, times in
 * the office's zone. In the queue, persons are pseudonymised as on the queue page (张*); the dossier of an opened
 * warning names them in full.
 */
@Component
public class WarningExport {

    private static final String[] QUEUE_COLUMNS = {"id", "rule", "title", "suggestedForm", "decidedForm", "domain", "org",
        "orgCode", "subjects", "status", "assignee", "raisedAt", "dueAt", "overdue", "message"};

    private final WarningWords words;
    private final FactWords factWords;
    private final DisplayFormat format;
    private final ReferenceQueries reference;

    WarningExport(WarningWords words, DisplayFormat format, ReferenceQueries reference, FactWords factWords) {
        this.factWords = factWords;
        this.words = words;
        this.format = format;
        this.reference = reference;
    }

    public byte[] queue(List<WarningView> warnings, Locale locale) {
        Map<String, String> users = words.userNames(locale);
        Map<String, String> orgs = orgNames(warnings.stream().map(WarningView::orgCode).toList());
        Map<String, Party> parties = parties(warnings.stream().flatMap(w -> w.subjectRefs().stream()).toList());
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(words.text("export.sheet.queue", locale));
            header(book, sheet, headers(QUEUE_COLUMNS, locale));
            int r = 1;
            for (WarningView w : warnings) {
                Object[] values = {w.id(), w.ruleId(), title(w, locale), words.form(w.form(), locale),
                    words.form(w.decidedForm(), locale), words.domain(w.domain(), locale), orgs.getOrDefault(w.orgCode(), w.orgCode()),
                    w.orgCode(), subjects(w.subjectRefs(), parties, Party::maskedName), words.status(w.status(), locale),
                    name(users, w.assignee()), format.time(w.raisedAt()), format.day(w.dueAt()),
                    words.text(w.overdue() ? "export.yes" : "export.no", locale), message(w, locale)};
                fill(sheet.createRow(r++), values);
            }
            for (int c = 0; c < QUEUE_COLUMNS.length - 1; c++) {
                sheet.autoSizeColumn(c);
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One warning: its explanation, the facts that matched, the grading steps and the audit trail. */
    public byte[] dossier(WarningView w, List<WarningView.Action> history, Locale locale) {
        Map<String, String> users = words.userNames(locale);
        String org = orgNames(List.of(w.orgCode())).get(w.orgCode());
        Map<String, Party> parties = parties(w.subjectRefs());
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet main = book.createSheet(words.text("export.sheet.warning", locale));
            header(book, main, new String[] {words.text("export.item", locale), words.text("export.content", locale)});
            Object[][] rows = {{"id", w.id()}, {"rule", w.ruleId()}, {"title", title(w, locale)}, {"message", message(w, locale)},
                {"suggestedForm", words.form(w.form(), locale)}, {"baseForm", words.form(w.grading().baseForm(), locale)},
                {"decidedForm", words.form(w.decidedForm(), locale)}, {"domain", words.domain(w.domain(), locale)},
                {"org", org == null ? w.orgCode() : org + "（" + w.orgCode() + "）"},
                {"subjects", subjects(w.subjectRefs(), parties, Party::name)}, {"measures", w.clause()}, {"basis", w.basis()},
                {"departments", String.join("、", w.departments())}, {"status", words.status(w.status(), locale)},
                {"dismissReason", words.dismissReason(w.dismissReason(), locale)}, {"assignee", name(users, w.assignee())},
                {"raisedAt", format.time(w.raisedAt())}, {"dueAt", format.day(w.dueAt())},
                {"occurredAt", format.time(w.occurredAt())}, {"recordId", w.recordId()}, {"recordRevision", w.recordRevision()},
                {"ruleSetVersion", w.ruleSetVersion()}};
            int r = 1;
            for (Object[] row : rows) {
                fill(main.createRow(r++), new Object[] {words.text("export.column." + row[0], locale), row[1]});
            }
            main.autoSizeColumn(0);
            main.setColumnWidth(1, 100 * 256);

            Sheet facts = book.createSheet(words.text("export.sheet.facts", locale));
            header(book, facts, headers(new String[] {"fact", "value"}, locale));
            r = 1;
            for (FactWords.Fact fact : factWords.facts(w, locale)) {
                fill(facts.createRow(r++), new Object[] {fact.label(), fact.value()});
            }

            Sheet grading = book.createSheet(words.text("export.sheet.grading", locale));
            header(book, grading, headers(new String[] {"step", "fromForm", "toForm", "reason"}, locale));
            r = 1;
            for (Map<String, Object> step : factWords.steps(w, locale)) {
                fill(grading.createRow(r++), new Object[] {step.get("step"), words.form(number(step.get("fromForm")), locale),
                    words.form(number(step.get("toForm")), locale), step.get("reason")});
            }

            Sheet audit = book.createSheet(words.text("export.sheet.history", locale));
            header(book, audit, headers(new String[] {"at", "action", "actor", "fromStatus", "toStatus", "comment", "sentence"}, locale));
            r = 1;
            for (WarningView.Action a : history) {
                WarningWords.HistoryLine line = words.line(a, users, locale);
                fill(audit.createRow(r++), new Object[] {line.at(), words.action(a.action(), locale), line.actor(),
                    words.status(a.fromStatus(), locale), words.status(a.toStatus(), locale), line.comment(), line.sentence()});
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] headers(String[] columns, Locale locale) {
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = words.text("export.column." + columns[i], locale);
        }
        return headers;
    }

    private static String title(WarningView w, Locale locale) {
        return english(locale) && w.titleEn() != null ? w.titleEn() : w.title();
    }

    private static String message(WarningView w, Locale locale) {
        return english(locale) && w.messageEn() != null ? w.messageEn() : w.message();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String name(Map<String, String> users, String username) {
        return username == null ? "" : users.getOrDefault(username, username);
    }

    private Map<String, String> orgNames(Collection<String> codes) {
        Set<String> distinct = new LinkedHashSet<>(codes);
        return reference.orgs(distinct).stream().collect(Collectors.toMap(Org::code, Org::name, (a, b) -> a));
    }

    private Map<String, Party> parties(Collection<String> refs) {
        Set<String> distinct = new LinkedHashSet<>(refs);
        return reference.parties(distinct).stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a));
    }

    /** Subjects by name with their ids: 张*（P-0001）; an id alone when the party is not registered. */
    private static String subjects(List<String> refs, Map<String, Party> parties, Function<Party, String> name) {
        return refs.stream().map(ref -> {
            Party p = parties.get(ref);
            return p == null ? ref : name.apply(p) + "（" + ref + "）";
        }).collect(Collectors.joining("、"));
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
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

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
