package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.reference.ReferenceDataChanged;
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
    private final RecordStore store;
    private final EvaluationSettings settings;

    ReevaluationQueue(JdbcClient jdbc, RecordStore store, EvaluationSettings settings) {
        this.jdbc = jdbc;
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

    void enqueue(Collection<String> recordIds, String reason) {
        LocalDateTime now = Times.nowUtc();
        String shortReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        for (String id : recordIds) {
            jdbc.sql("""
                    INSERT INTO reevaluation_queue (record_id, reason, enqueued_at, attempts)
                    SELECT ?, ?, ?, 0 FROM (SELECT 1 AS one) x
                    WHERE NOT EXISTS (SELECT 1 FROM reevaluation_queue WHERE record_id = ?)""")
                    .params(id, shortReason, now, id).update();
        }
    }

    /** Takes up to {@code limit} queued records for this worker for a while. */
    List<String> claim(int limit, LocalDateTime now, LocalDateTime until) {
        List<String> candidates = jdbc.sql("""
                SELECT record_id FROM reevaluation_queue WHERE claimed_until IS NULL OR claimed_until < ?
                ORDER BY enqueued_at LIMIT ?""").params(now, limit).query(String.class).list();
        List<String> claimed = new ArrayList<>();
        for (String id : candidates) {
            int updated = jdbc.sql("""
                    UPDATE reevaluation_queue SET claimed_until = ?, attempts = attempts + 1
                    WHERE record_id = ? AND (claimed_until IS NULL OR claimed_until < ?)""")
                    .params(until, id, now).update();
            if (updated == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    void done(Collection<String> recordIds) {
        for (String id : recordIds) {
            jdbc.sql("DELETE FROM reevaluation_queue WHERE record_id = ?").param(id).update();
        }
    }

    int size() {
        return jdbc.sql("SELECT COUNT(*) FROM reevaluation_queue").query(Integer.class).single();
    }
}
