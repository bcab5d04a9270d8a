package lianshao.warnings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;

import lianshao.evaluation.Hit;
import lianshao.grading.GradedHit;
import lianshao.grading.GradingStep;
import lianshao.grading.SubjectHistory;
import lianshao.grading.SupervisionForm;
import lianshao.reference.ReferenceQueries;
import lianshao.support.Chunks;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * The warnings of evaluated records. Applying an evaluation updates the warning of each (rule, record)
 * in place — never a second one — and marks warnings the record no longer raises. Every change leaves
 * an audit entry. Also answers grading's questions about a subject's past.
 */
@Repository
public class Warnings implements SubjectHistory {

    public static final String SYSTEM = "system";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ReferenceQueries reference;
    private final MeterRegistry meters;
    private final WarningSettings settings;
    private final Mutes mutes;
    private final ReviewGuard guard;
    private final Map<String, Counter> raisedCounters = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    Warnings(JdbcClient jdbc, JdbcTemplate template, ReferenceQueries reference, MeterRegistry meters,
            WarningSettings settings, Mutes mutes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.mutes = mutes;
        this.guard = new ReviewGuard(settings.fourEyesFromForm());
        this.template = template;
        this.reference = reference;
        this.meters = meters;
    }

    /** The record an evaluation was about. {@code occurredAt} in UTC. */
    public record EvaluatedRecord(String recordId, int revision, String domain, String orgCode, LocalDateTime occurredAt) {
    }

    /**
     * What applying the graded hits of a batch of records reads once, in the evaluation's transaction: the warnings
     * the records have so far and their subjects (a record's own warnings change only when its hits are applied), and the
     * rules with a mute in force (a warning of another rule needs no mute check). Holds the writes of the applied hits
     * until {@link #flush()}, which the caller runs before its transaction commits; until then, {@link #priorHits} answers
     * grading as if they had been written.
     */
    public final class Batch {
        private final Map<String, Map<String, Existing>> existing = new java.util.HashMap<>();
        /** The subject rows of the records' warnings, by warning id (normalized); null until read. */
        private Map<String, Set<StoredSubject>> subjects;
        private final PendingWrites writes = new PendingWrites(template);
        private final BatchPriorHits priorHits;
        private Set<String> mutedRules;
        /** Subjects whose rows may differ between the database and the batch until the next flush. */
        private final Set<String> unwrittenSubjects = new java.util.HashSet<>();
        /** Whether a rectified warning has unwritten changes (R1 reads rectified warnings and their subjects). */
        private boolean unwrittenRectified;

        private Batch(java.util.Collection<String> storedBefore, java.util.Collection<String> inserted) {
            List<String> recordIds = new ArrayList<>(storedBefore);
            recordIds.addAll(inserted);
            for (List<String> ids : Chunks.of(storedBefore)) {
                jdbc.sql("SELECT record_id, id, rule_id, form, status, still_hits, raised_at FROM warning WHERE record_id IN (:ids)")
                        .param("ids", ids).query(rs -> {
                            existing.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(3),
                                    new Existing(rs.getString(2), rs.getInt(4), rs.getString(5), rs.getBoolean(6),
                                            rs.getObject(7, LocalDateTime.class)));
                        });
            }
            priorHits = new BatchPriorHits(jdbc, recordIds, this::countedSubjects);
        }

        /**
         * The subject rows of the records' warnings, read when first needed. Until a record is applied, the database
         * holds its rows as they were when the batch began, so reading them late is as good as reading them first.
         */
        private Map<String, Set<StoredSubject>> subjects() {
            if (subjects == null) {
                subjects = new java.util.HashMap<>();
                for (List<String> ids : Chunks.of(existing.keySet())) {
                    jdbc.sql("SELECT warning_id, subject_ref, rule_id, record_id, occurred_at, benefit_amount FROM warning_subject"
                            + " WHERE record_id IN (:ids)").param("ids", ids).query(rs -> {
                                subjects.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(new StoredSubject(
                                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
                                        rs.getBigDecimal(6)).normalized());
                            });
                }
            }
            return subjects;
        }

        /** What G2 counts of each record's warnings as stored: the subject rows of those still hitting. */
        private Map<String, Set<BatchPriorHits.Row>> countedSubjects() {
            Map<String, Set<BatchPriorHits.Row>> counted = new java.util.HashMap<>();
            existing.forEach((recordId, byRule) -> byRule.values().stream().filter(w -> w.stillHits)
                    .flatMap(w -> subjects().getOrDefault(w.id, Set.of()).stream())
                    .forEach(s -> counted.computeIfAbsent(recordId, k -> new java.util.HashSet<>()).add(s.counted())));
            return counted;
        }

        /** Whether the record has warnings of its own (in any state). */
        public boolean hasWarnings(String recordId) {
            return existing.containsKey(recordId);
        }

        /**
         * As {@link Warnings#priorHits}, with the hits applied so far in this batch counted as if written. Reads the
         * subject's counts outside the batch unless {@link #loadPriorHits} read them already.
         */
        public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
            if (!priorHits.covers(excludingRecordId)) {
                flush();
                return Warnings.this.priorHits(ruleId, subjectRef, from, to, excludingRecordId);
            }
            return priorHits.count(ruleId, subjectRef, from, to, excludingRecordId);
        }

        /** Reads, in one statement per 50 windows, what {@link #priorHits} needs for these windows. */
        public void loadPriorHits(java.util.Collection<HitWindow> windows) {
            priorHits.load(windows);
        }

        /** Writes the hits applied so far (a JDBC batch per statement); the database then answers as before. */
        public void flush() {
            writes.flush();
            priorHits.written();
            unwrittenSubjects.clear();
            unwrittenRectified = false;
        }

        /** Flushes if the subject's rows have unwritten changes, so that the database answers about the subject as before. */
        public void flushBeforeReading(String subjectRef) {
            if (unwrittenSubjects.contains(subjectRef)) {
                flush();
            }
        }

        /** Flushes if a rectified warning has unwritten changes, so that the database answers about rectified warnings as before. */
        public void flushBeforeReadingRectified() {
            if (unwrittenRectified) {
                flush();
            }
        }

        /** Notes what applying the record changes until the next flush: its warnings' subjects, before and after. */
        private void unwritten(String recordId, List<StoredSubject> rows) {
            rows.forEach(r -> unwrittenSubjects.add(r.subjectRef()));
            for (Existing w : existing.getOrDefault(recordId, Map.of()).values()) {
                subjects().getOrDefault(w.id, Set.of()).forEach(r -> unwrittenSubjects.add(r.subjectRef()));
                unwrittenRectified |= WarningStatus.RECTIFIED.name().equals(w.status);
            }
        }

        private boolean mayBeMuted(String ruleId) {
            if (mutedRules == null) {
                mutedRules = Set.copyOf(jdbc.sql("SELECT DISTINCT rule_id FROM warning_mute WHERE revoked_at IS NULL")
                        .query(String.class).list());
            }
            return mutedRules.contains(ruleId);
        }
    }

    /** A subject and a rule whose earlier hits grading counts (G2). */
    public record SubjectRule(String subjectRef, String ruleId) {
    }

    /** The days [from, to] within which grading counts the earlier hits of a subject and rule (G2). */
    public record HitWindow(SubjectRule pair, LocalDate from, LocalDate to) {
    }

    /** A subject row of a warning. */
    private record StoredSubject(String subjectRef, String ruleId, String recordId, LocalDateTime occurredAt, BigDecimal benefit) {

        /** The benefit without trailing zeros, so that equal amounts compare equal (only for comparing). */
        StoredSubject normalized() {
            return new StoredSubject(subjectRef, ruleId, recordId, occurredAt, benefit.stripTrailingZeros());
        }

        BatchPriorHits.Row counted() {
            return new BatchPriorHits.Row(subjectRef, ruleId, occurredAt.toLocalDate());
        }
    }

    /**
     * Reads what applying the hits of these records needs; then {@link #apply(Batch, EvaluatedRecord, List, String)} each
     * and {@link Batch#flush()} before the transaction commits.
     */
    public Batch batch(java.util.Collection<String> recordIds) {
        return new Batch(recordIds, List.of());
    }

    /** As {@link #batch(java.util.Collection)}, with records just inserted by the current transaction: they have no warnings. */
    public Batch batch(java.util.Collection<String> storedBefore, java.util.Collection<String> inserted) {
        return new Batch(storedBefore, inserted);
    }

    /** Stores the graded hits of one evaluation; must run inside the evaluation's transaction. */
    public void apply(EvaluatedRecord record, List<GradedHit> graded, String ruleSetVersion) {
        Batch batch = batch(List.of(record.recordId()));
        apply(batch, record, graded, ruleSetVersion);
        batch.flush();
    }

    /**
     * Applies the graded hits of one record of the batch; must run inside the transaction that read the batch, which
     * flushes the batch before it commits.
     */
    public void apply(Batch batch, EvaluatedRecord record, List<GradedHit> graded, String ruleSetVersion) {
        LocalDateTime now = Times.nowUtc();
        PendingWrites writes = batch.writes;
        Map<String, Existing> existing = new LinkedHashMap<>(batch.existing.getOrDefault(record.recordId(), Map.of()));
        Existing incomplete = existing.remove(SystemRiskPoint.EVALUATION_INCOMPLETE.id());
        if (incomplete != null && incomplete.stillHits) {
            evaluationCompleted(writes, incomplete, record, ruleSetVersion, now);
        }
        Set<BatchPriorHits.Row> counted = new java.util.HashSet<>();
        List<StoredSubject> written = new ArrayList<>();
        for (GradedHit g : graded) {
            Existing before = existing.remove(g.hit().ruleId());
            String id = before == null ? Ids.newId() : before.id;
            Object[] content = content(record, g, ruleSetVersion);
            List<StoredSubject> subjects = subjects(g, record);
            subjects.forEach(s -> counted.add(s.counted()));
            written.addAll(subjects);
            if (before == null) {
                raise(writes, record, g, id, content, ruleSetVersion, now, null, batch.mayBeMuted(g.hit().ruleId()));
            } else {
                writes.add(PendingWrites.UPDATE_WARNING, concat(content, now, g.form(),
                        before.raisedAt.plusDays(settings.dueDaysFor(g.form())), g.form(), g.recurrenceOf(), id));
                if (before.form != g.form() || !before.stillHits) {
                    audit(writes, id, "REEVALUATED", SYSTEM, now, before.status, before.status, null,
                            Map.of("fromForm", before.form, "toForm", g.form(), "revision", record.revision(),
                                    "ruleSetVersion", ruleSetVersion));
                }
                if (WarningStatus.MUTED.name().equals(before.status) && !guard.mayMute(g.form())) {
                    writes.add(PendingWrites.SET_STATUS, WarningStatus.NEW.name(), id);
                    audit(writes, id, "UNMUTED", SYSTEM, now, before.status, WarningStatus.NEW.name(),
                            "形态升至第 " + g.form() + " 种，静默不再适用 / raised to form " + g.form() + "; a mute no longer applies",
                            Map.of("form", g.form()));
                }
                Set<StoredSubject> normalized = new java.util.HashSet<>();
                subjects.forEach(row -> normalized.add(row.normalized()));
                if (normalized.equals(batch.subjects().getOrDefault(id, Set.of()))) {
                    // the same subjects, record time and benefits as stored: nothing to rewrite
                    continue;
                }
                writes.add(PendingWrites.DELETE_SUBJECTS, id);
            }
            insertSubjects(writes, id, subjects);
        }
        for (Map.Entry<String, Existing> gone : existing.entrySet()) {
            Existing w = gone.getValue();
            if (w.stillHits) {
                writes.add(PendingWrites.NO_LONGER_HITS, now, w.id);
                audit(writes, w.id, "NO_LONGER_HITS", SYSTEM, now, w.status, w.status,
                        "记录第 " + record.revision() + " 版不再命中该规则 / revision " + record.revision() + " no longer hits this rule",
                        Map.of("revision", record.revision(), "ruleSetVersion", ruleSetVersion));
            }
        }
        batch.priorHits.applied(record.recordId(), counted);
        batch.unwritten(record.recordId(), written);
    }

    private record Existing(String id, int form, String status, boolean stillHits, LocalDateTime raisedAt) {
    }

    /** What raised a warning other than its record's own evaluation: a sentence for its history and details. */
    public record Origin(String comment, Map<String, Object> details) {
    }

    /**
     * Raises the warnings of the graded hits whose (rule, record) has no warning yet, as {@link #apply} would raise
     * them; the warnings the record has already are left exactly as they are (neither updated nor marked as no
     * longer hitting). Must run inside a transaction holding the record's row. Returns how many were raised.
     */
    public int raiseMissing(EvaluatedRecord record, List<GradedHit> graded, String ruleSetVersion, Origin origin) {
        LocalDateTime now = Times.nowUtc();
        Batch batch = batch(List.of(record.recordId()));
        Set<String> existing = new java.util.HashSet<>(batch.existing.getOrDefault(record.recordId(), Map.of()).keySet());
        int raised = 0;
        for (GradedHit g : graded) {
            if (!existing.add(g.hit().ruleId())) {
                continue;
            }
            String id = Ids.newId();
            raise(batch.writes, record, g, id, content(record, g, ruleSetVersion), ruleSetVersion, now, origin, true);
            insertSubjects(batch.writes, id, subjects(g, record));
            raised++;
        }
        batch.flush();
        return raised;
    }

    /** The columns of a warning that its evaluation writes, in the order of the INSERT and UPDATE below. */
    private static Object[] content(EvaluatedRecord record, GradedHit g, String ruleSetVersion) {
        return new Object[] {record.revision(), record.domain(), record.orgCode(), record.occurredAt(),
                g.rule().title(), g.rule().titleEn(), message(g), g.rule().clause(), g.rule().basis(),
                String.join(",", g.rule().departments()), g.baseForm(), g.form(), gradingJson(g), evidenceJson(g),
                Json.write(g.hit().subjects()), ruleSetVersion};
    }

    /**
     * Queues the warning of a hit that the record had none of for its rule; {@code origin}, when given, adds a
     * comment and details saying what raised it other than the record's own evaluation. {@code mayBeMuted}: false when
     * no mute of the rule is in force (no need to look for one).
     */
    private void raise(PendingWrites writes, EvaluatedRecord record, GradedHit g, String id, Object[] content,
            String ruleSetVersion, LocalDateTime now, Origin origin, boolean mayBeMuted) {
        Optional<String> covering = mayBeMuted ? mutes.covering(g.hit().ruleId(),
                g.hit().subjects(), record.occurredAt().toLocalDate(), record.orgCode()) : Optional.empty();
        Optional<String> mute = guard.mayMute(g.form()) ? covering : Optional.empty();
        WarningStatus status = mute.isPresent() ? WarningStatus.MUTED : WarningStatus.NEW;
        writes.add(PendingWrites.INSERT_WARNING, concat(content, id, g.hit().ruleId(), record.recordId(), status.name(), now, now,
                now.plusDays(settings.dueDaysFor(g.form())), g.form(), now, g.recurrenceOf()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("form", g.form());
        details.put("revision", record.revision());
        details.put("ruleSetVersion", ruleSetVersion);
        mute.ifPresent(m -> details.put("muteId", m));
        if (origin != null) {
            details.putAll(origin.details());
        }
        if (g.recurrenceOf() != null) {
            details.put("recurrenceOf", g.recurrenceOf());
        }
        if (mute.isEmpty() && covering.isPresent()) {
            // a serious hit is never muted
            details.put("muteNotApplied", covering.get());
        }
        // the action already says a mute applied; the origin, when there is one, is the comment
        String comment = origin != null ? origin.comment()
                : mute.isPresent() ? "规则已对该对象静默，命中已记录 / rule muted for the subject; hit recorded" : null;
        audit(writes, id, mute.isPresent() ? "MUTED" : "RAISED", SYSTEM, now, null, status.name(), comment, details);
        if (mute.isEmpty()) {
            raisedCounter(g.form(), record.domain()).increment();
        }
    }

    /**
     * The record's evaluation has completed after an earlier one could not: its SYS-01 is not deleted nor closed
     * (an inspector decides whether the record was judged late or the failure itself needs following up); its
     * history says when and on which revision the evaluation completed.
     */
    private void evaluationCompleted(PendingWrites writes, Existing w, EvaluatedRecord record, String ruleSetVersion,
            LocalDateTime now) {
        writes.add(PendingWrites.NO_LONGER_HITS, now, w.id);
        audit(writes, w.id, "EVALUATION_COMPLETED", SYSTEM, now, w.status, w.status,
                "记录第 " + record.revision() + " 版的评估已完成，待纪检人员关闭 / the evaluation of revision " + record.revision()
                        + " has completed; an inspector closes this warning",
                Map.of("revision", record.revision(), "ruleSetVersion", ruleSetVersion));
    }

    /** The subject rows of a hit's warning: its subjects and those it attributes a benefit to. */
    private static List<StoredSubject> subjects(GradedHit g, EvaluatedRecord record) {
        Set<String> refs = new java.util.LinkedHashSet<>(g.hit().subjects());
        refs.addAll(g.hit().benefits().keySet());
        List<StoredSubject> rows = new ArrayList<>();
        for (String subject : refs) {
            rows.add(new StoredSubject(subject, g.hit().ruleId(), record.recordId(), record.occurredAt(),
                    g.hit().benefits().getOrDefault(subject, BigDecimal.ZERO)));
        }
        return rows;
    }

    private static void insertSubjects(PendingWrites writes, String warningId, List<StoredSubject> subjects) {
        for (StoredSubject s : subjects) {
            writes.add(PendingWrites.INSERT_SUBJECT, warningId, s.subjectRef(), s.ruleId(), s.recordId(), s.occurredAt(), s.benefit());
        }
    }

    void audit(String warningId, String action, String actor, LocalDateTime at, String from, String to, String comment,
            Map<String, Object> details) {
        jdbc.sql(PendingWrites.INSERT_ACTION)
                .params(Ids.newId(), warningId, action, actor, at, from, to, comment, details == null ? null : Json.write(details))
                .update();
        events.publishEvent(new WarningAudited(warningId, action, actor, to, at));
    }

    /** As {@link #audit(String, String, String, LocalDateTime, String, String, String, Map)}, written with the pending writes. */
    private void audit(PendingWrites writes, String warningId, String action, String actor, LocalDateTime at, String from,
            String to, String comment, Map<String, Object> details) {
        writes.add(PendingWrites.INSERT_ACTION, Ids.newId(), warningId, action, actor, at, from, to, comment,
                details == null ? null : Json.write(details));
        // published now, acted on after the commit (transactional listeners), as for an audit written at once
        events.publishEvent(new WarningAudited(warningId, action, actor, to, at));
    }

    private static String message(GradedHit g) {
        String message = g.hit().message() == null || g.hit().message().isBlank() ? "" : g.hit().message();
        // R1: the same problem again after an earlier warning was rectified
        return g.recurrenceOf() == null ? message : "整改不到位：" + message;
    }

    private static String gradingJson(GradedHit g) {
        Map<String, Object> grading = new LinkedHashMap<>();
        grading.put("baseForm", g.baseForm());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (GradingStep step : g.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", step.step());
            s.put("fromForm", step.fromForm());
            s.put("toForm", step.toForm());
            s.put("reason", step.reason());
            steps.add(s);
        }
        grading.put("steps", steps);
        grading.put("suggestedForm", g.form());
        return Json.write(grading);
    }

    private static String evidenceJson(GradedHit g) {
        Hit hit = g.hit();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("facts", hit.evidence());
        evidence.put("relatedRecords", hit.relatedRecords());
        evidence.put("counterparties", hit.counterparties());
        if (!hit.benefits().isEmpty()) {
            evidence.put("benefits", hit.benefits());
        }
        if (!hit.crimeIndicators().isEmpty()) {
            evidence.put("crimeIndicators", hit.crimeIndicators());
        }
        if (hit.messageEn() != null) {
            evidence.put("messageEn", g.recurrenceOf() == null ? hit.messageEn() : "Rectification failed: " + hit.messageEn());
        }
        if (g.recurrenceOf() != null) {
            evidence.put("recurrenceOf", g.recurrenceOf());
        }
        return Json.write(evidence);
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private Counter raisedCounter(int form, String domain) {
        return raisedCounters.computeIfAbsent(form + "|" + domain, k -> Counter.builder("lianshao.warnings.raised")
                .description("warnings raised, by suggested form and domain")
                .tag("form", String.valueOf(form)).tag("domain", domain).register(meters));
    }

    // ---- grading history ------------------------------------------------------------------

    @Override
    public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        // a warning per rule and record, a row per subject of it: the rows are the records (read up to the cap)
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT s.record_id FROM warning_subject s JOIN warning w ON w.id = s.warning_id
                WHERE s.subject_ref = ? AND s.rule_id = ? AND s.record_id <> ? AND w.still_hits = TRUE
                  AND s.occurred_at >= ? AND s.occurred_at < ? LIMIT ?) counted""")
                .params(subjectRef, ruleId, excludingRecordId, from.atStartOfDay(), to.plusDays(1).atStartOfDay(), PRIOR_HITS_COUNTED)
                .query(Integer.class).single();
    }

    @Override
    public BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        BigDecimal sum = jdbc.sql("""
                SELECT SUM(s.benefit_amount) FROM warning_subject s JOIN warning w ON w.id = s.warning_id
                WHERE s.subject_ref = ? AND s.record_id <> ? AND w.still_hits = TRUE
                  AND s.occurred_at >= ? AND s.occurred_at < ?""")
                .params(subjectRef, excludingRecordId, from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .query(BigDecimal.class).optional().orElse(null);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    @Override
    public Optional<Rectified> rectified(String ruleId, java.util.Collection<String> subjectRefs, String orgCode, LocalDate from,
            LocalDate to, String excludingRecordId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rule", ruleId);
        params.put("org", orgCode);
        params.put("record", excludingRecordId);
        params.put("from", from.atStartOfDay());
        params.put("to", to.plusDays(1).atStartOfDay());
        String subjects = "";
        if (!subjectRefs.isEmpty()) {
            subjects = " OR EXISTS (SELECT 1 FROM warning_subject s WHERE s.warning_id = w.id AND s.subject_ref IN (:subjects))";
            params.put("subjects", List.copyOf(subjectRefs));
        }
        return jdbc.sql("SELECT w.id, w.rectified_at FROM warning w WHERE w.rule_id = :rule AND w.status = 'RECTIFIED'"
                        + " AND w.record_id <> :record AND w.rectified_at >= :from AND w.rectified_at < :to"
                        + " AND (w.org_code = :org" + subjects + ") ORDER BY w.rectified_at DESC, w.id LIMIT 1")
                .params(params)
                .query((rs, n) -> new Rectified(rs.getString(1), rs.getObject(2, LocalDateTime.class).toLocalDate()))
                .optional();
    }

    /** The rules with a warning rectified (销号) within [from, to]: the only ones R1 can find an earlier warning of. */
    public Set<String> rulesRectifiedWithin(LocalDate from, LocalDate to) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT rule_id FROM warning WHERE status = 'RECTIFIED' AND rectified_at >= ? AND rectified_at < ?")
                .params(from.atStartOfDay(), to.plusDays(1).atStartOfDay()).query(String.class).list());
    }

    @Override
    public List<SanctionPeriod> sanctions(String subjectRef) {
        return reference.sanctions(List.of(subjectRef)).stream()
                .map(s -> new SanctionPeriod(s.kind(), s.form(), s.start(), s.end())).toList();
    }

    /** An earlier warning naming a subject, with the time its record occurred (UTC). */
    public record SubjectHit(lianshao.facts.PriorHit hit, LocalDateTime occurredAt) {
    }

    /**
     * Warnings still hitting of the given rules (null: of every rule) that name one of the subjects, on records occurred
     * since the given time; newest first, at most {@code limit}. The evaluation context of a batch cuts each record's prior
     * hits out of these.
     */
    public List<SubjectHit> subjectHits(java.util.Collection<String> subjectRefs, java.util.Set<String> ruleIds, LocalDateTime since,
            int limit) {
        if (subjectRefs.isEmpty() || (ruleIds != null && ruleIds.isEmpty())) {
            return List.of();
        }
        List<SubjectHit> hits = new ArrayList<>();
        for (List<String> refs : Chunks.of(subjectRefs)) {
            hits.addAll(jdbc.sql("""
                    SELECT s.subject_ref, s.rule_id, s.record_id, s.occurred_at, w.form FROM warning_subject s
                    JOIN warning w ON w.id = s.warning_id
                    WHERE s.subject_ref IN (:subjects) AND s.occurred_at >= :since AND w.still_hits = TRUE"""
                    + (ruleIds == null ? "" : " AND s.rule_id IN (:rules)") + " ORDER BY s.occurred_at DESC LIMIT :limit")
                    .param("subjects", refs).param("since", since).param("limit", limit)
                    .params(ruleIds == null ? Map.of() : Map.of("rules", ruleIds))
                    .query((rs, n) -> {
                        LocalDateTime at = rs.getObject(4, LocalDateTime.class);
                        return new SubjectHit(new lianshao.facts.PriorHit(rs.getString(1), rs.getString(2), rs.getString(3),
                                at.toLocalDate(), rs.getInt(5)), at);
                    }).list());
        }
        return hits;
    }

    /** The warnings of each of the records, by record id, each list ordered by rule id. */
    public Map<String, List<WarningView>> ofRecords(java.util.Collection<String> recordIds) {
        Map<String, List<WarningView>> found = new java.util.HashMap<>();
        for (List<String> ids : Chunks.of(recordIds)) {
            jdbc.sql("SELECT * FROM warning WHERE record_id IN (:ids) ORDER BY record_id, rule_id")
                    .param("ids", ids)
                    .query((rs, n) -> view(rs)).list()
                    .forEach(w -> found.computeIfAbsent(w.recordId(), k -> new ArrayList<>()).add(w));
        }
        return found;
    }

    // ---- reading ----------------------------------------------------------------------------

    public List<WarningView> ofRecord(String recordId) {
        return jdbc.sql("SELECT * FROM warning WHERE record_id = ? ORDER BY rule_id").param(recordId)
                .query((rs, n) -> view(rs)).list();
    }

    public Optional<WarningView> find(String id) {
        return jdbc.sql("SELECT * FROM warning WHERE id = ?").param(id).query((rs, n) -> view(rs)).optional();
    }

    /** The warning if it lies in the district (null: the whole city). */
    public Optional<WarningView> find(String id, String district) {
        if (district == null) {
            return find(id);
        }
        return jdbc.sql("SELECT w.* FROM warning w JOIN org o ON o.code = w.org_code WHERE w.id = ? AND o.district = ?")
                .params(id, district).query((rs, n) -> view(rs)).optional();
    }

    /**
     * Warnings of the district (null: the whole city) matching an SQL condition on {@code w} (with named parameters),
     * ordered by deadline; at most {@code limit}. For the supervisor's lists.
     */
    List<WarningView> where(String condition, Map<String, Object> params, String district, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("district", district);
        all.put("limit", limit);
        return jdbc.sql("SELECT w.* FROM warning w WHERE (" + condition + ")"
                        + " AND (:district IS NULL OR w.org_code IN (SELECT o.code FROM org o WHERE o.district = :district))"
                        + " ORDER BY w.due_at, w.id LIMIT :limit")
                .params(all).query((rs, n) -> view(rs)).list();
    }

    /** The warning if it was dispatched to the organisation (a unit liaison's scope). */
    public Optional<WarningView> findDispatched(String id, String unitOrg) {
        return jdbc.sql("SELECT * FROM warning WHERE id = ? AND unit_org = ?").params(id, unitOrg).query((rs, n) -> view(rs)).optional();
    }

    /** The warnings dispatched to the organisation, those still to be done first, then by deadline. */
    public List<WarningView> dispatchedTo(String unitOrg, int limit) {
        return jdbc.sql("""
                SELECT * FROM warning WHERE unit_org = ?
                ORDER BY CASE WHEN status IN ('RECTIFYING', 'RETURNED') THEN 0 ELSE 1 END, due_at, id LIMIT ?""")
                .params(unitOrg, limit).query((rs, n) -> view(rs)).list();
    }

    public List<WarningView.Action> history(String warningId) {
        return jdbc.sql("SELECT * FROM warning_action WHERE warning_id = ? ORDER BY acted_at, id").param(warningId)
                .query((rs, n) -> new WarningView.Action(rs.getString("id"), rs.getString("action"), rs.getString("actor"),
                        Times.offset(rs.getObject("acted_at", LocalDateTime.class)), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("comment"),
                        rs.getString("details") == null ? Map.of() : Json.MAPPER.readValue(rs.getString("details"), MAP)))
                .list();
    }

    public record Page(List<WarningView> items, int page, int size, long total) {
    }

    public Page list(WarningFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "domain", "w.domain = :domain", filter.domain());
        condition(where, params, "form", "w.form = :form", filter.form());
        condition(where, params, "status", "w.status = :status", filter.status());
        condition(where, params, "orgCode", "w.org_code = :orgCode", filter.orgCode());
        condition(where, params, "ruleId", "w.rule_id = :ruleId", filter.ruleId());
        condition(where, params, "fromTime", "w.raised_at >= :fromTime", filter.from() == null ? null : filter.from().atStartOfDay());
        condition(where, params, "toTime", "w.raised_at < :toTime", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay());
        condition(where, params, "district", "w.org_code IN (SELECT o.code FROM org o WHERE o.district = :district)",
                filter.district());
        condition(where, params, "assignee", "w.assignee = :assignee", filter.assignee());
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND w.due_at < :now AND w.status IN " + WarningStatus.TIMED_SQL);
            params.put("now", Times.nowUtc());
        }
        if (filter.status() == null && !filter.includeMuted()) {
            where.append(" AND w.status <> 'MUTED'");
        }
        condition(where, params, "subjectRef",
                "EXISTS (SELECT 1 FROM warning_subject s WHERE s.warning_id = w.id AND s.subject_ref = :subjectRef)",
                filter.subjectRef());
        long total = jdbc.sql("SELECT COUNT(*) FROM warning w" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<WarningView> items = jdbc.sql("SELECT w.* FROM warning w" + where
                        + " ORDER BY " + filter.sortSql() + " LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> view(rs)).list();
        return new Page(items, page, size, total);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String name, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }
    }

    private static WarningView view(ResultSet rs) throws SQLException {
        SupervisionForm form = SupervisionForm.of(rs.getInt("form"));
        Map<String, Object> grading = Json.MAPPER.readValue(rs.getString("grading"), MAP);
        Map<String, Object> evidence = Json.MAPPER.readValue(rs.getString("evidence"), MAP);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) grading.getOrDefault("steps", List.of());
        return new WarningView(rs.getString("id"), rs.getString("rule_id"), rs.getString("title"), rs.getString("title_en"),
                rs.getString("domain"), form.number(), form.chineseName(), form.englishName(), form.level(),
                rs.getString("org_code"), rs.getString("record_id"), rs.getInt("record_revision"),
                Json.MAPPER.readValue(rs.getString("subject_refs"), LIST), rs.getString("message"),
                (String) evidence.get("messageEn"), rs.getString("clause"), rs.getString("basis"),
                List.of(rs.getString("departments").split(",")), evidence,
                new WarningView.Grading(rs.getInt("base_form"), steps, form.number()), rs.getString("status"),
                rs.getBoolean("still_hits"), Times.offset(rs.getObject("occurred_at", LocalDateTime.class)),
                Times.offset(rs.getObject("raised_at", LocalDateTime.class)),
                Times.offset(rs.getObject("updated_at", LocalDateTime.class)), rs.getString("rule_set_version"),
                rs.getString("assignee"), (Integer) rs.getObject("decided_form"), (Integer) rs.getObject("proposed_form"),
                rs.getString("proposed_by"), rs.getString("dismiss_reason"),
                Times.offset(rs.getObject("due_at", LocalDateTime.class)), overdue(rs), rs.getInt("version"), proposal(rs),
                rs.getString("approved_by"), (Integer) rs.getObject("highest_form"), rs.getString("recurrence_of"),
                Times.offset(rs.getObject("due_from", LocalDateTime.class)), priority(rs), disposal(rs));
    }

    private static WarningView.Priority priority(ResultSet rs) throws SQLException {
        LocalDateTime due = rs.getObject("due_at", LocalDateTime.class);
        LocalDateTime from = rs.getObject("due_from", LocalDateTime.class);
        if (due == null || !WarningStatus.valueOf(rs.getString("status")).timed()) {
            return null;
        }
        return WarningView.Priority.of(from == null ? rs.getObject("raised_at", LocalDateTime.class) : from, due, Times.nowUtc());
    }

    private static WarningView.Disposal disposal(ResultSet rs) throws SQLException {
        if (rs.getString("unit_org") == null && rs.getString("referral_no") == null) {
            return null;
        }
        WarningView.Extension extension = rs.getString("extension_by") == null ? null
                : new WarningView.Extension(rs.getString("extension_reason"), rs.getInt("extension_days"), rs.getString("extension_by"));
        return new WarningView.Disposal(rs.getString("unit_org"), rs.getString("responsible_person"), at(rs, "dispatched_at"),
                extension, rs.getString("explanation"), rs.getString("report_text"), at(rs, "replied_at"), rs.getString("replied_by"),
                rs.getString("return_reason"), rs.getInt("return_count"), at(rs, "rectified_at"), rs.getString("referral_no"),
                rs.getString("handover_target"), at(rs, "handed_over_at"), rs.getString("receipt_text"), at(rs, "receipt_at"),
                (Integer) rs.getObject("outcome_form"), rs.getString("outcome_text"), at(rs, "concluded_at"));
    }

    private static java.time.OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        return Times.offset(rs.getObject(column, LocalDateTime.class));
    }

    private static WarningView.Proposal proposal(ResultSet rs) throws SQLException {
        if (rs.getString("proposed_by") == null) {
            return null;
        }
        LocalDateTime at = rs.getObject("proposed_at", LocalDateTime.class);
        return new WarningView.Proposal(rs.getString("proposed_action"), (Integer) rs.getObject("proposed_form"),
                rs.getString("proposed_reason"), rs.getString("proposed_comment"), rs.getString("proposed_by"),
                at == null ? null : Times.offset(at));
    }

    private static boolean overdue(ResultSet rs) throws SQLException {
        LocalDateTime due = rs.getObject("due_at", LocalDateTime.class);
        return due != null && due.isBefore(Times.nowUtc()) && WarningStatus.valueOf(rs.getString("status")).timed();
    }
}
