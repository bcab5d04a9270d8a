package lianshao.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Chunks;


/** The record tables: identities, revisions, lookup keys, evaluation log. */
@Repository
class RecordStore {

    private static final String COLUMNS = """
            r.id, r.source, r.external_id, r.domain, r.org_code, r.revision, r.content_hash, r.status,
            r.rule_set_version, r.received_at, r.evaluated_at, r.last_error, r.attempts, v.envelope
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RecordStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The record of an identity, its row locked. The row is locked first on its own and then read with
     * its latest revision: a join locked in one statement could, on H2, pair the row that a concurrent
     * revision just committed with the revisions of the statement's start and find nothing.
     */
    Optional<StoredRecord> findByIdentityForUpdate(String source, String externalId) {
        if (jdbc.sql("SELECT id FROM record WHERE source = ? AND external_id = ? FOR UPDATE").params(source, externalId)
                .query(String.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM record r JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                        WHERE r.source = ? AND r.external_id = ? FOR UPDATE""")
                .params(source, externalId).query(RecordStore::map).optional();
    }

    Optional<StoredRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM record r JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                        WHERE r.id = ?""")
                .param(id).query(RecordStore::map).optional();
    }

    /** The record, its row locked first on its own (see {@link #findByIdentityForUpdate}). */
    Optional<StoredRecord> findForUpdate(String id) {
        if (jdbc.sql("SELECT id FROM record WHERE id = ? FOR UPDATE").param(id).query(String.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM record r JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                        WHERE r.id = ? FOR UPDATE""")
                .param(id).query(RecordStore::map).optional();
    }

    List<Revision> revisions(String id) {
        return jdbc.sql("SELECT revision, content_hash, envelope, received_at FROM record_revision WHERE record_id = ? ORDER BY revision")
                .param(id).query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class))).list();
    }

    record Revision(int revision, String contentHash, String envelope, LocalDateTime receivedAt) {
    }

    void revise(StoredRecord record, String domain, String orgCode, LocalDateTime occurredAt, String contentHash,
            String envelope, LocalDateTime now, LocalDateTime retryAt) {
        int revision = record.revision() + 1;
        insertRevision(record.id(), revision, contentHash, envelope, now);
        jdbc.sql("""
                UPDATE record SET revision = ?, domain = ?, org_code = ?, occurred_at = ?, content_hash = ?,
                    status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL, updated_at = ?
                WHERE id = ?""")
                .params(revision, domain, orgCode, occurredAt, contentHash, retryAt, now, record.id()).update();
    }

    private void insertRevision(String id, int revision, String hash, String envelope, LocalDateTime now) {
        jdbc.sql("INSERT INTO record_revision (record_id, revision, content_hash, envelope, received_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, revision, hash, envelope, now).update();
    }

    /**
     * Replaces the lookup keys of a revised record. New records get theirs with {@link #insertAll}, without a delete:
     * deleting first would only take a gap lock at the end of the (time-ordered) key index, which two concurrent
     * batches then both need for their inserts, and MySQL/MariaDB answer with a deadlock every time.
     */
    void replaceKeys(String recordId, int revision, Set<RecordKey> keys, LocalDateTime occurredAt) {
        jdbc.sql("DELETE FROM record_key WHERE record_id = ?").param(recordId).update();
        List<Object[]> rows = keys.stream().map(k -> new Object[] {recordId, k.name(), k.value(), occurredAt, revision}).toList();
        template.batchUpdate(INSERT_KEY, rows);
    }

    private static final String INSERT_KEY =
            "INSERT INTO record_key (record_id, key_name, key_value, occurred_at, revision) VALUES (?, ?, ?, ?, ?)";

    List<RecordKey> keys(String recordId) {
        return jdbc.sql("SELECT key_name, key_value FROM record_key WHERE record_id = ?").param(recordId)
                .query((rs, n) -> new RecordKey(rs.getString(1), rs.getString(2))).list();
    }

    /** The lookup keys of the given records, by record id, in chunks; a record without keys is left out. */
    java.util.Map<String, List<RecordKey>> keysOf(Collection<String> recordIds) {
        java.util.Map<String, List<RecordKey>> found = new java.util.HashMap<>();
        for (List<String> chunk : Chunks.of(recordIds)) {
            jdbc.sql("SELECT record_id, key_name, key_value FROM record_key WHERE record_id IN (:ids)").param("ids", chunk)
                    .query(rs -> {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RecordKey(rs.getString(2), rs.getString(3)));
                    });
        }
        return found;
    }

    /** A lookup key row: which record (and revision) holds the key, and when that record occurred. */
    record KeyRow(String recordId, int revision, String name, String value, LocalDateTime occurredAt) {
    }

    /**
     * The rows of each span ({@link KeySpan}): the newest {@code limit} before its earliest record, all between its
     * earliest and latest, and with {@code later} the first {@code limit} after its latest. Each part is a branch with
     * its own order and limit on the lookup index {@code (key_name, key_value, occurred_at)}; the branches go to the
     * database together, joined by UNION ALL, up to {@value #BRANCHES} a statement. Each row comes once.
     */
    List<KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit, boolean later) {
        List<String> branches = new ArrayList<>();
        List<java.util.Map<String, Object>> parameters = new ArrayList<>();
        String columns = "SELECT record_id, revision, key_name, key_value, occurred_at FROM record_key WHERE key_name = :n%1$d"
                + " AND key_value = :v%1$d";
        int n = 0;
        for (KeySpan span : spans) {
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            p.put("n" + n, span.key().name());
            p.put("v" + n, span.key().value());
            p.put("since" + n, span.since());
            p.put("first" + n, span.first());
            p.put("id" + n, span.firstId());
            p.put("last" + n, span.last());
            p.put("limit", limit);
            branches.add(("(" + columns + " AND occurred_at >= :since%1$d AND (occurred_at < :first%1$d OR (occurred_at = :first%1$d"
                    + " AND record_id < :id%1$d)) ORDER BY occurred_at DESC, record_id DESC LIMIT :limit)").formatted(n));
            parameters.add(p);
            // also when every record of the group has the same act time: rows of that time rank between them by id
            if (span.group()) {
                branches.add(("(" + columns + " AND occurred_at >= :first%1$d AND occurred_at <= :last%1$d)").formatted(n));
                parameters.add(p);
            }
            if (later) {
                branches.add(("(" + columns + " AND occurred_at > :last%1$d ORDER BY occurred_at, record_id LIMIT :limit)").formatted(n));
                parameters.add(p);
            }
            n++;
        }
        List<KeyRow> rows = new ArrayList<>();
        for (int first = 0; first < branches.size(); first += BRANCHES) {
            int end = Math.min(branches.size(), first + BRANCHES);
            java.util.Map<String, Object> params = new java.util.HashMap<>();
            parameters.subList(first, end).forEach(params::putAll);
            rows.addAll(jdbc.sql(String.join(" UNION ALL ", branches.subList(first, end))).params(params)
                    .query((rs, k) -> new KeyRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDateTime.class))).list());
        }
        return List.copyOf(new java.util.LinkedHashSet<>(rows));
    }

    private static final int BRANCHES = 48;

    /** The records with the given ids (latest revision), in chunks; missing ids are left out. */
    List<StoredRecord> findAll(Collection<String> ids) {
        List<StoredRecord> found = new ArrayList<>();
        for (List<String> chunk : Chunks.of(ids)) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + """
                            FROM record r JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                            WHERE r.id IN (:ids)""")
                    .param("ids", chunk).query(RecordStore::map).list());
        }
        return found;
    }

    /**
     * Locks the records' rows, then reads them with their latest revision (in two statements, see
     * {@link #findByIdentityForUpdate}); rows are locked in id order, as every batch does.
     */
    List<StoredRecord> findAllForUpdate(Collection<String> ids) {
        List<String> sorted = ids.stream().sorted().distinct().toList();
        List<StoredRecord> found = new ArrayList<>();
        for (List<String> chunk : Chunks.of(sorted)) {
            jdbc.sql("SELECT id FROM record WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", chunk).query(String.class).list();
            found.addAll(jdbc.sql("SELECT " + COLUMNS + """
                            FROM record r JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                            WHERE r.id IN (:ids)""")
                    .param("ids", chunk).query(RecordStore::map).list());
        }
        return found;
    }

    /** Ids of stored identities of one source among the given external ids: externalId → record id. */
    java.util.Map<String, Known> identities(String source, Collection<String> externalIds) {
        java.util.Map<String, Known> found = new java.util.HashMap<>();
        for (List<String> chunk : Chunks.of(externalIds)) {
            jdbc.sql("SELECT external_id, id, content_hash, status FROM record WHERE source = :source AND external_id IN (:ids)")
                    .param("source", source).param("ids", chunk).query(rs -> {
                        found.put(rs.getString(1), new Known(rs.getString(2), rs.getString(3), RecordStatus.valueOf(rs.getString(4))));
                    });
        }
        return found;
    }

    /** A stored identity as last committed: its record, the hash of its latest revision and its status. */
    record Known(String id, String contentHash, RecordStatus status) {
    }

    /** The organisations of stored identities of one source among the given external ids: externalId → org code. */
    java.util.Map<String, String> orgsOf(String source, Collection<String> externalIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (List<String> chunk : Chunks.of(externalIds)) {
            jdbc.sql("SELECT external_id, org_code FROM record WHERE source = :source AND external_id IN (:ids)")
                    .param("source", source).param("ids", chunk).query(rs -> {
                        found.put(rs.getString(1), rs.getString(2));
                    });
        }
        return found;
    }

    /** A new record: its first revision and its lookup keys. */
    record NewRecord(String id, String source, String externalId, String domain, String orgCode, LocalDateTime occurredAt,
            String contentHash, String envelope, Set<RecordKey> keys) {
    }

    /** Inserts new records, their first revisions and their keys as three JDBC batches. */
    void insertAll(List<NewRecord> records, LocalDateTime now, LocalDateTime retryAt) {
        if (records.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO record (id, source, external_id, domain, org_code, occurred_at, revision, content_hash,
                    status, attempts, next_attempt_at, received_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, 'PENDING', 0, ?, ?, ?)""",
                records.stream().map(r -> new Object[] {r.id(), r.source(), r.externalId(), r.domain(), r.orgCode(),
                        r.occurredAt(), r.contentHash(), retryAt, now, now}).toList());
        template.batchUpdate("INSERT INTO record_revision (record_id, revision, content_hash, envelope, received_at) VALUES (?, 1, ?, ?, ?)",
                records.stream().map(r -> new Object[] {r.id(), r.contentHash(), r.envelope(), now}).toList());
        List<Object[]> keys = new ArrayList<>();
        records.forEach(r -> r.keys().forEach(k -> keys.add(new Object[] {r.id(), k.name(), k.value(), r.occurredAt(), 1})));
        template.batchUpdate(INSERT_KEY, keys);
    }

    /** An evaluated record: its status and its evaluation log row. */
    record Evaluated(String recordId, int revision, String ruleSetVersion, String rulesHit, int firings, long micros) {
    }

    /** Marks the records evaluated and logs their evaluations, as two JDBC batches. */
    void markAllEvaluated(List<Evaluated> evaluated, LocalDateTime now) {
        if (evaluated.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                UPDATE record SET status = 'EVALUATED', rule_set_version = ?, evaluated_at = ?, attempts = 0,
                    next_attempt_at = NULL, last_error = NULL, updated_at = ? WHERE id = ?""",
                evaluated.stream().map(e -> new Object[] {e.ruleSetVersion(), now, now, e.recordId()}).toList());
        template.batchUpdate("""
                INSERT INTO evaluation (id, record_id, revision, rule_set_version, outcome, rules_hit, firings,
                    duration_micros, error, evaluated_at) VALUES (?, ?, ?, ?, 'EVALUATED', ?, ?, ?, NULL, ?)""",
                evaluated.stream().map(e -> new Object[] {lianshao.support.Ids.newId(), e.recordId(), e.revision(),
                        e.ruleSetVersion(), e.rulesHit(), e.firings(), e.micros(), now}).toList());
    }

    /** Status of a posted record, as its reply shows it. */
    record Summary(String id, int revision, RecordStatus status, String ruleSetVersion, String lastError) {
    }

    java.util.Map<String, Summary> summaries(Collection<String> ids) {
        java.util.Map<String, Summary> found = new java.util.HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            jdbc.sql("SELECT id, revision, status, rule_set_version, last_error FROM record WHERE id IN (:ids)")
                    .param("ids", chunk).query(rs -> {
                        found.put(rs.getString(1), new Summary(rs.getString(1), rs.getInt(2), RecordStatus.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5)));
                    });
        }
        return found;
    }

    /** Ids of records holding one of the given keys (for re-evaluation). */
    List<String> recordIdsWithKey(String keyName, Collection<String> values, int limit) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT record_id FROM record_key WHERE key_name = :name AND key_value IN (:values) LIMIT :limit")
                .param("name", keyName).param("values", values).param("limit", limit).query(String.class).list();
    }

    /** Records naming the party as a subject of one of their warnings (it need not appear in the record). */
    List<String> recordIdsWithSubject(Collection<String> subjectRefs, int limit) {
        if (subjectRefs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT record_id FROM warning_subject WHERE subject_ref IN (:refs) LIMIT :limit")
                .param("refs", subjectRefs).param("limit", limit).query(String.class).list();
    }

    /**
     * Records sharing a context key with the given record that occurred after it: their running totals
     * and counts change when a record arrives late.
     */
    List<String> laterSharing(Collection<RecordKey> keys, String recordId, LocalDateTime occurredAt, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (RecordKey key : keys) {
            where.append(where.isEmpty() ? "" : " OR ").append("(key_name = ? AND key_value = ?)");
            params.add(key.name());
            params.add(key.value());
        }
        params.add(occurredAt);
        params.add(recordId);
        params.add(limit);
        return jdbc.sql("SELECT DISTINCT record_id FROM record_key WHERE (" + where + ") AND occurred_at > ? AND record_id <> ? LIMIT ?")
                .params(params).query(String.class).list();
    }

    void markFailed(String id, String ruleSetVersion, String error, int attempts, LocalDateTime retryAt, LocalDateTime now) {
        jdbc.sql("""
                UPDATE record SET status = 'EVALUATION_FAILED', rule_set_version = ?, evaluated_at = ?, attempts = ?,
                    next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?""")
                .params(ruleSetVersion, now, attempts, retryAt, error, now, id).update();
    }

    /** Records whose evaluation is due: failed ones at their retry time, pending ones left by a crash. */
    List<String> dueForRetry(LocalDateTime now, int limit) {
        return jdbc.sql("""
                SELECT id FROM record WHERE status IN ('PENDING', 'EVALUATION_FAILED') AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT ?""").params(now, limit).query(String.class).list();
    }

    /** Claims a due record for one retry: moves its retry time so no other worker takes it meanwhile. */
    boolean claimRetry(String id, LocalDateTime now, LocalDateTime until) {
        return jdbc.sql("""
                UPDATE record SET next_attempt_at = ? WHERE id = ? AND status IN ('PENDING', 'EVALUATION_FAILED')
                  AND next_attempt_at <= ?""").params(until, id, now).update() == 1;
    }

    void logEvaluation(String id, String recordId, int revision, String version, String outcome, String rulesHit,
            int firings, long micros, String error, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO evaluation (id, record_id, revision, rule_set_version, outcome, rules_hit, firings,
                    duration_micros, error, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, recordId, revision, version, outcome, rulesHit, firings, micros, error, now).update();
    }

    private static StoredRecord map(ResultSet rs, int row) throws SQLException {
        return new StoredRecord(rs.getString("id"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("domain"), rs.getString("org_code"), rs.getInt("revision"), rs.getString("content_hash"),
                RecordStatus.valueOf(rs.getString("status")), rs.getString("rule_set_version"),
                rs.getObject("received_at", LocalDateTime.class), rs.getObject("evaluated_at", LocalDateTime.class),
                rs.getString("last_error"), rs.getInt("attempts"), rs.getString("envelope"));
    }
}
