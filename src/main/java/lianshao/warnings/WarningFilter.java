package lianshao.warnings;

import java.time.LocalDate;

/**
 * Filters of the warning lists; {@code from}/{@code to} bound the day the warning was raised;
 * {@code district} is the caller's data scope (null: the whole city).
 */
public record WarningFilter(String domain, Integer form, String status, String orgCode, String ruleId,
        LocalDate from, LocalDate to, String subjectRef, String assignee, Boolean overdue, String district,
        boolean includeMuted, Sort sort) {

    public WarningFilter(String domain, Integer form, String status, String orgCode, String ruleId,
            LocalDate from, LocalDate to, String subjectRef) {
        this(domain, form, status, orgCode, ruleId, from, to, subjectRef, null, null, null, false, Sort.NEWEST);
    }

    public static WarningFilter all() {
        return new WarningFilter(null, null, null, null, null, null, null, null);
    }

    public WarningFilter inDistrict(String scope) {
        return new WarningFilter(domain, form, status, orgCode, ruleId, from, to, subjectRef, assignee, overdue, scope,
                includeMuted, sort);
    }

    /** Orders a list can be sorted by; FORM is the most serious form first and, within a form, the nearest deadline. */
    public enum Sort {
        NEWEST("w.raised_at DESC, w.id DESC"), OLDEST("w.raised_at ASC, w.id ASC"),
        FORM("w.form DESC, w.due_at ASC, w.id ASC"), DUE("w.due_at ASC, w.id ASC");

        private final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    String sortSql() {
        return (sort == null ? Sort.NEWEST : sort).sql;
    }
}
