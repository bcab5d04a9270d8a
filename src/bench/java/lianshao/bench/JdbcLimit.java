package lianshao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import lianshao.support.Ids;

/**
 * The physical limit of the database on this machine: the rows the service writes for a clean
 * record (its record row, its revision with the envelope, its lookup keys, its evaluation log row)
 * written with plain JDBC batches of 1,000 and one commit per batch, into the same tables of the same
 * MariaDB database. Args: JDBC_URL USER PASSWORD RECORDS KEYS_PER_RECORD.
 */
public final class JdbcLimit {

    private JdbcLimit() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int records = Integer.parseInt(args[3]);
        int keysPerRecord = Integer.parseInt(args[4]);
        int batch = 1000;
        List<String> envelopes = Envelopes.singles(batch, System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
            long start = System.nanoTime();
            try (PreparedStatement record = c.prepareStatement("""
                    INSERT INTO record (id, source, external_id, domain, org_code, occurred_at, revision, content_hash,
                        status, rule_set_version, evaluated_at, attempts, received_at, updated_at)
                    VALUES (?, 'jdbc-limit', ?, 'PROCUREMENT', 'SCH-B01', ?, 1, ?, 'EVALUATED', 'rs-bench', ?, 0, ?, ?)""");
                 PreparedStatement revision = c.prepareStatement(
                         "INSERT INTO record_revision (record_id, revision, content_hash, envelope, received_at) VALUES (?, 1, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement(
                         "INSERT INTO record_key (record_id, key_name, key_value, occurred_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement evaluation = c.prepareStatement("""
                         INSERT INTO evaluation (id, record_id, revision, rule_set_version, outcome, rules_hit, firings,
                             duration_micros, error, evaluated_at) VALUES (?, ?, 1, 'rs-bench', 'EVALUATED', '', 0, 100, NULL, ?)""")) {
                for (int i = 0; i < records; i++) {
                    String id = Ids.newId();
                    String hash = String.format("%064x", i);
                    record.setString(1, id);
                    record.setString(2, "J-" + id);
                    record.setTimestamp(3, now);
                    record.setString(4, hash);
                    record.setTimestamp(5, now);
                    record.setTimestamp(6, now);
                    record.setTimestamp(7, now);
                    record.addBatch();
                    revision.setString(1, id);
                    revision.setString(2, hash);
                    revision.setString(3, envelopes.get(i % batch));
                    revision.setTimestamp(4, now);
                    revision.addBatch();
                    for (int k = 0; k < keysPerRecord; k++) {
                        key.setString(1, id);
                        key.setString(2, "k" + k);
                        key.setString(3, "v" + (i % 500) + "-" + k);
                        key.setTimestamp(4, now);
                        key.addBatch();
                    }
                    evaluation.setString(1, Ids.newId());
                    evaluation.setString(2, id);
                    evaluation.setTimestamp(3, now);
                    evaluation.addBatch();
                    if ((i + 1) % batch == 0 || i == records - 1) {
                        record.executeBatch();
                        revision.executeBatch();
                        key.executeBatch();
                        evaluation.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT jdbc records=%d keys/record=%d seconds=%.2f records/s=%.0f rows/s=%.0f%n", records, keysPerRecord,
                    seconds, records / seconds, records * (3.0 + keysPerRecord) / seconds);
        }
    }
}
