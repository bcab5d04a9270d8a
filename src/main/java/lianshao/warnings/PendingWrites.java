package lianshao.warnings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of applying evaluations to warnings, held until {@link #flush} and then sent as one JDBC batch per
 * statement (with {@code rewriteBatchedStatements}, one round trip each) instead of several statements per hit.
 * Flushed in the order of {@link #ORDER}; the statements of one flush touch different rows or commute (each warning is
 * written at most once per kind, the subjects of a warning are deleted before its new ones are inserted), so the rows
 * end as if every statement had run where it was queued.
 */
final class PendingWrites {

    static final String INSERT_WARNING = """
            INSERT INTO warning (record_revision, domain, org_code, occurred_at, title, title_en, message, clause, basis,
                departments, base_form, form, grading, evidence, subject_refs, rule_set_version,
                id, rule_id, record_id, status, still_hits, raised_at, updated_at, version, due_at, highest_form,
                due_from, recurrence_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, 0, ?, ?, ?, ?)""";

    /** A warning hit again: its content; due date and highest form as the form moves. */
    static final String UPDATE_WARNING = """
            UPDATE warning SET record_revision = ?, domain = ?, org_code = ?, occurred_at = ?, title = ?,
                title_en = ?, message = ?, clause = ?, basis = ?, departments = ?, base_form = ?, form = ?, grading = ?,
                evidence = ?, subject_refs = ?, rule_set_version = ?, still_hits = TRUE, updated_at = ?,
                due_at = CASE WHEN form = ? OR status NOT IN ('NEW', 'ASSIGNED', 'UNDER_REVIEW', 'ESCALATED', 'REOPENED', 'MUTED')
                    THEN due_at ELSE ? END, highest_form = GREATEST(COALESCE(highest_form, 0), ?),
                recurrence_of = COALESCE(recurrence_of, ?),
                version = version + 1
            WHERE id = ?""";

    /** Commutes with {@link #UPDATE_WARNING}: MUTED and NEW are both timed states there, and neither writes the other's columns. */
    static final String SET_STATUS = "UPDATE warning SET status = ?, version = version + 1 WHERE id = ?";

    static final String NO_LONGER_HITS = "UPDATE warning SET still_hits = FALSE, updated_at = ?, version = version + 1 WHERE id = ?";

    static final String DELETE_SUBJECTS = "DELETE FROM warning_subject WHERE warning_id = ?";

    static final String INSERT_SUBJECT = """
            INSERT INTO warning_subject (warning_id, subject_ref, rule_id, record_id, occurred_at, benefit_amount)
            VALUES (?, ?, ?, ?, ?, ?)""";

    static final String INSERT_ACTION = """
            INSERT INTO warning_action (id, warning_id, action, actor, acted_at, from_status, to_status, comment, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final List<String> ORDER = List.of(INSERT_WARNING, UPDATE_WARNING, SET_STATUS, NO_LONGER_HITS,
            DELETE_SUBJECTS, INSERT_SUBJECT, INSERT_ACTION);

    private final JdbcTemplate template;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    PendingWrites(JdbcTemplate template) {
        this.template = template;
        ORDER.forEach(sql -> rows.put(sql, new ArrayList<>()));
    }

    /** Queues one execution of the statement (one of the constants above). */
    void add(String sql, Object... args) {
        List<Object[]> queued = rows.get(sql);
        if (queued == null) {
            throw new IllegalArgumentException("not a pending write: " + sql);
        }
        queued.add(args);
    }

    boolean isEmpty() {
        return rows.values().stream().allMatch(List::isEmpty);
    }

    /** Sends what is queued, in the current transaction. */
    void flush() {
        for (Map.Entry<String, List<Object[]>> queued : rows.entrySet()) {
            if (!queued.getValue().isEmpty()) {
                template.batchUpdate(queued.getKey(), queued.getValue());
                queued.getValue().clear();
            }
        }
    }
}
