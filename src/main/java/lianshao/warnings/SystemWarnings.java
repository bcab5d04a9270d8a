package lianshao.warnings;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * Writes the warnings of {@link SystemRiskPoint}s. An evaluation that cannot complete raises SYS-01 for its
 * record, in the record's organisation (so data scope applies as to any warning), at a fixed form and never
 * muted: what a feed sends can never hide what the rules would find. One SYS-01 per record, updated in place;
 * when a later evaluation completes, {@link Warnings#apply} notes that in its history and it stays for an
 * inspector to close.
 */
@Repository
public class SystemWarnings {

    /** Why an evaluation could not complete; the tag of {@code lianshao.evaluation.incomplete}. */
    public enum Reason {
        FIRING_BUDGET, TIME_BUDGET, ERROR
    }

    /**
     * What stopped the evaluation.
     *
     * @param message   what happened, in Chinese, for the inspector
     * @param messageEn the same in English
     * @param facts     the numbers (budget, what was used, attempts), shown as the warning's evidence
     */
    public record Incomplete(Reason reason, String message, String messageEn, Map<String, Object> facts) {
    }

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final WarningSettings settings;
    private final MeterRegistry meters;
    private final Map<Reason, Counter> incomplete = new ConcurrentHashMap<>();

    SystemWarnings(JdbcClient jdbc, Warnings warnings, WarningSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.settings = settings;
        this.meters = meters;
        // registered at start, so a dashboard or an alert reads 0 rather than no data before the first one
        for (Reason reason : Reason.values()) {
            counter(reason);
        }
    }

    /**
     * Raises (or refreshes) SYS-01 for the record; must run in the transaction that records the failed evaluation.
     * Returns the warning's id.
     */
    public String evaluationIncomplete(Warnings.EvaluatedRecord record, Incomplete why, String ruleSetVersion) {
        SystemRiskPoint point = SystemRiskPoint.EVALUATION_INCOMPLETE;
        LocalDateTime now = Times.nowUtc();
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reason", why.reason().name());
        facts.putAll(why.facts());
        evidence.put("facts", facts);
        evidence.put("relatedRecords", List.of());
        evidence.put("counterparties", List.of());
        evidence.put("messageEn", why.messageEn());
        evidence.put("explanation", point.explanation());
        evidence.put("explanationEn", point.explanationEn());
        String grading = Json.write(Map.of("baseForm", point.form(), "steps", List.of(), "suggestedForm", point.form()));
        Object[] content = {record.revision(), record.domain(), record.orgCode(), record.occurredAt(), point.title(),
            point.titleEn(), why.message(), "", point.basis(), String.join(",", point.departments()), point.form(),
            point.form(), grading, Json.write(evidence), "[]", ruleSetVersion};
        Map<String, Object> details = new LinkedHashMap<>(facts);
        details.put("revision", record.revision());
        details.put("ruleSetVersion", ruleSetVersion);

        var before = jdbc.sql("SELECT id, status, still_hits FROM warning WHERE rule_id = ? AND record_id = ?")
                .params(point.id(), record.recordId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)}).optional();
        String id;
        if (before.isEmpty()) {
            id = Ids.newId();
            jdbc.sql("""
                    INSERT INTO warning (record_revision, domain, org_code, occurred_at, title, title_en, message, clause, basis,
                        departments, base_form, form, grading, evidence, subject_refs, rule_set_version,
                        id, rule_id, record_id, status, still_hits, raised_at, updated_at, version, due_at, due_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, 0, ?, ?)""")
                    .params(concat(content, id, point.id(), record.recordId(), WarningStatus.NEW.name(), now, now,
                            now.plusDays(settings.dueDaysFor(point.form())), now))
                    .update();
            warnings.audit(id, "RAISED", Warnings.SYSTEM, now, null, WarningStatus.NEW.name(), why.message(), details);
        } else {
            id = (String) before.get()[0];
            String status = (String) before.get()[1];
            boolean stillIncomplete = (Boolean) before.get()[2];
            jdbc.sql("""
                    UPDATE warning SET record_revision = ?, domain = ?, org_code = ?, occurred_at = ?, title = ?, title_en = ?,
                        message = ?, clause = ?, basis = ?, departments = ?, base_form = ?, form = ?, grading = ?, evidence = ?,
                        subject_refs = ?, rule_set_version = ?, still_hits = TRUE, updated_at = ?, version = version + 1
                    WHERE id = ?""").params(concat(content, now, id)).update();
            if (!stillIncomplete) {
                // it had completed since (a revision, a rule change): the history says that it failed again, and
                // why; one already decided is reopened, since the record now goes unjudged again — unless it is in the
                // middle of the loop (dispatched or handed over), which the history now tells about
                String to = WarningStatus.valueOf(status).open() || WarningStatus.valueOf(status).inLoop() ? status
                        : WarningStatus.REOPENED.name();
                if (!to.equals(status)) {
                    jdbc.sql("UPDATE warning SET status = ? WHERE id = ?").params(to, id).update();
                }
                warnings.audit(id, "EVALUATION_INCOMPLETE", Warnings.SYSTEM, now, status, to, why.message(), details);
            }
        }
        counter(why.reason()).increment();
        return id;
    }

    private Counter counter(Reason reason) {
        return incomplete.computeIfAbsent(reason, r -> Counter.builder("lianshao.evaluation.incomplete")
                .description("evaluations that could not complete and raised the system warning SYS-01, by reason")
                .tag("reason", r.name()).register(meters));
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
