package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.reference.ReferenceDataChanged;
import lianshao.support.Chunks;
import lianshao.support.Times;

/**
 * A durable queue of records to evaluate again because reference data changed (a relation declared
 * after the record arrived, a new sanction...). Rows are written in the transaction that changed the
 * reference data, so a restart loses nothing; any instance may take them.
 */
@Component
class ReevaluationQueue {

    private static final Logger log = LoggerFactory.getLogger(ReevaluationQueue.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RecordStore store;
    private final EvaluationSettings settings;

    ReevaluationQueue(JdbcClient jdbc, JdbcTemplate template, RecordStore store, EvaluationSettings settings) {
        this.jdbc = jdbc;
        this.template = template;
        this.store = store;
        this.settings = settings;
    }

    /** Runs inside the transaction that changed the reference data. */
    @EventListener
    void on(ReferenceDataChanged change) {
        String key = switch (change.kind()) {
            case PARTIES -> RecordKey.PARTY;
            case ORG -> RecordKey.ORG;
            case ADMISSION_PLAN -> RecordKey.ADMISSION_PLAN;
            case CALENDAR_YEAR -> RecordKey.DOMAIN_YEAR;
        };
        Collection<String> values = change.kind() == ReferenceDataChanged.Kind.CALENDAR_YEAR
                ? List.of("PROCUREMENT|" + change.keys().get(0)) : change.keys();
        int limit = settings.maxReevaluationsPerChange();
        List<String> ids = new ArrayList<>(store.recordIdsWithKey(key, values, limit + 1));
        if (change.kind() == ReferenceDataChanged.Kind.PARTIES) {
            // a sanction or relation of a subject named only by a warning (a leader whose relative was admitted)
            store.recordIdsWithSubject(values, limit + 1).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        if (ids.size() > limit) {
            log.warn("{} touches more than {} records; only the first {} are queued for re-evaluation",
                    change.reason(), limit, limit);
        }
        enqueue(ids.subList(0, Math.min(limit, ids.size())), change.reason());
    }

    /** Queues the records, due now (a change of reference data is worth judging at once). */
    void enqueue(Collection<String> recordIds, String reason) {
        enqueue(recordIds, reason, Times.nowUtc(), false);
    }

    /**
     * Queues records that occurred after late arrivals, due at {@code due} and not before their last evaluation is
     * {@code late-arrival-interval} old ({@link #claim}).
     */
    void enqueueLate(Collection<String> recordIds, String reason, LocalDateTime due) {
        enqueue(recordIds, reason, due, true);
    }

    /**
     * Queues the records in JDBC batches, due at {@code due}. A record already queued stays one entry: it becomes
     * due at the earlier of the two times, and its generation rises so that a worker evaluating it right now leaves
     * it queued for another round (the change may have come too late for that evaluation to see it). It stays
     * {@code lateOnly} while every cause queued for it was a late arrival.
     */
    private void enqueue(Collection<String> recordIds, String reason, LocalDateTime due, boolean lateOnly) {
        if (recordIds.isEmpty()) {
            return;
        }
        LocalDateTime now = Times.nowUtc();
        String shortReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        List<Object[]> rows = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(recordIds)) {
            rows.add(new Object[] {id, shortReason, now, due, lateOnly});
        }
        for (List<Object[]> chunk : Chunks.of(rows, 1000)) {
            template.batchUpdate("""
                    INSERT INTO reevaluation_queue (record_id, reason, enqueued_at, due_at, attempts, generation, late_only)
                    VALUES (?, ?, ?, ?, 0, 0, ?)
                    ON DUPLICATE KEY UPDATE generation = generation + 1, claimed_until = NULL, due_at = LEAST(due_at, VALUES(due_at)),
                        late_only = late_only AND VALUES(late_only)""",
                    chunk);
        }
    }

    /**
     * Holds back, for an import job, the re-evaluation its records cause: per context key, the earliest act of the
     * job's records that carry it. Nothing is queued until {@link #release}: an import in any order then costs one
     * re-evaluation of each later record, where queueing per batch would re-evaluate the records of the earlier
     * batches again and again.
     */
    void hold(String heldBy, Map<RecordKey, LocalDateTime> earliest) {
        if (earliest.isEmpty()) {
            return;
        }
        LocalDateTime now = Times.nowUtc();
        template.batchUpdate("""
                INSERT INTO reevaluation_hold (held_by, key_name, key_value, earliest, held_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE earliest = LEAST(earliest, VALUES(earliest))""",
                earliest.entrySet().stream().map(e -> new Object[] {heldBy, e.getKey().name(), e.getKey().value(), e.getValue(), now})
                        .toList());
    }

    /**
     * Queues, due now, the records that occurred after the earliest act of the job's records sharing one of their
     * context keys, and drops the job's hold; returns how many were queued. Runs in the caller's transaction.
     */
    int release(String heldBy) {
        record Held(String name, String value, LocalDateTime earliest) {
        }
        List<Held> held = jdbc.sql("SELECT key_name, key_value, earliest FROM reevaluation_hold WHERE held_by = ?").param(heldBy)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class))).list();
        java.util.Set<String> later = new java.util.LinkedHashSet<>();
        for (List<Held> chunk : Chunks.of(held, 50)) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT record_id FROM record_key WHERE key_name = :n").append(i)
                        .append(" AND key_value = :v").append(i).append(" AND occurred_at > :e").append(i);
                params.put("n" + i, chunk.get(i).name());
                params.put("v" + i, chunk.get(i).value());
                params.put("e" + i, chunk.get(i).earliest());
            }
            later.addAll(jdbc.sql(sql.toString()).params(params).query(String.class).list());
        }
        enqueue(later, "导入任务 " + heldBy + " 的记录中有较早的记录迟到 / import " + heldBy + " brought earlier records late");
        jdbc.sql("DELETE FROM reevaluation_hold WHERE held_by = ?").param(heldBy).update();
        return later.size();
    }

    /** The import jobs that have held something since before the time (ended without releasing it, or still running). */
    List<String> holdersSince(LocalDateTime before) {
        return jdbc.sql("SELECT DISTINCT held_by FROM reevaluation_hold WHERE held_at < ?").param(before).query(String.class).list();
    }

    /** A queued record taken by a worker, at the generation it was taken. */
    record Claim(String recordId, int generation) {
    }

    /**
     * Takes up to {@code limit} due records for this worker for a while, in the order their acts occurred (a
     * later record's grading sees the warnings of an earlier one). A record queued only for late arrivals waits until
     * its last evaluation is {@code late-arrival-interval} old: under a steady stream of late arrivals it is judged
     * again once per interval, not once per arrival.
     */
    List<Claim> claim(int limit, LocalDateTime now, LocalDateTime until) {
        List<Claim> candidates = new ArrayList<>();
        Map<String, LocalDateTime> occurred = new HashMap<>();
        jdbc.sql("""
                SELECT q.record_id, q.generation, r.occurred_at FROM reevaluation_queue q LEFT JOIN record r ON r.id = q.record_id
                WHERE (q.due_at IS NULL OR q.due_at <= ?) AND (q.claimed_until IS NULL OR q.claimed_until < ?)
                  AND (q.late_only = FALSE OR r.evaluated_at IS NULL OR r.evaluated_at <= ?)
                ORDER BY q.due_at, q.record_id LIMIT ?""").params(now, now, now.minus(settings.lateArrivalInterval()), limit)
                .query(rs -> {
                    candidates.add(new Claim(rs.getString(1), rs.getInt(2)));
                    occurred.put(rs.getString(1), rs.getObject(3, LocalDateTime.class));
                });
        if (candidates.isEmpty()) {
            return List.of();
        }
        int[] updated = template.batchUpdate("""
                UPDATE reevaluation_queue SET claimed_until = ?, attempts = attempts + 1
                WHERE record_id = ? AND generation = ? AND (claimed_until IS NULL OR claimed_until < ?)""",
                candidates.stream().map(c -> new Object[] {until, c.recordId(), c.generation(), now}).toList());
        List<Claim> claimed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            // a driver that cannot tell the count of one statement of a batch answers SUCCESS_NO_INFO (-2): taken
            if (updated[i] == 1 || updated[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                claimed.add(candidates.get(i));
            }
        }
        claimed.sort(Comparator.comparing((Claim c) -> occurred.get(c.recordId()), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Claim::recordId));
        return claimed;
    }

    /** Removes the entries evaluated, unless they were queued again meanwhile (a newer generation). */
    void done(Collection<Claim> claims) {
        if (!claims.isEmpty()) {
            template.batchUpdate("DELETE FROM reevaluation_queue WHERE record_id = ? AND generation = ?",
                    claims.stream().map(c -> new Object[] {c.recordId(), c.generation()}).toList());
        }
    }

    int size() {
        return jdbc.sql("SELECT COUNT(*) FROM reevaluation_queue").query(Integer.class).single();
    }
}
