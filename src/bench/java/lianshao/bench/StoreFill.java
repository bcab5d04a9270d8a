package lianshao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.records.BenchRecordKeys;
import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * Fills a database the service has migrated (and seeded with the demo city) to N stored, evaluated records without
 * HTTP or rules: copies of the demo city's records (seeds/records) with fresh identities, as
 * ../shared/perf/make_bodies.py makes them, every date of a copy moved back by the same random number of days (up to
 * {@value #SPREAD_DAYS}), written in JDBC batches in the shape RecordStore.insertAll and markAllEvaluated give them:
 * record (EVALUATED with the active rule set), record_revision (the canonical envelope), record_key (the production
 * key extraction) and one evaluation row. No warnings are written.
 * Args: JDBC URL (with rewriteBatchedStatements=true), N, seeds folder [, threads (2)].
 */
public final class StoreFill {

    static final int SPREAD_DAYS = 730;
    private static final int BATCH = 1_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private StoreFill() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long total = Long.parseLong(args[1]);
        List<ObjectNode> seeds = seeds(Path.of(args[2], "records"));
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String ruleSetVersion;
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT v.content_hash FROM rule_set_active a JOIN rule_set_version v ON v.version_no = a.version_no""")) {
            if (!rs.next()) {
                throw new IllegalStateException("no active rule set: start the service once on this database first");
            }
            ruleSetVersion = rs.getString(1);
        }
        long started = System.nanoTime();
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long from = total * t / threads;
            long to = total * (t + 1) / threads;
            parts.add(pool.submit(() -> {
                fill(url, seeds, ruleSetVersion, from, to, written, started, total);
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf("FILL records=%d seconds=%.1f records_per_s=%.0f%n", total, secs, total / secs);
    }

    private static List<ObjectNode> seeds(Path folder) throws IOException {
        List<ObjectNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Json.parse(Files.readString(file)).forEach(n -> records.add((ObjectNode) n));
            }
        }
        return records;
    }

    private static void fill(String url, List<ObjectNode> seeds, String ruleSetVersion, long from, long to, AtomicLong written,
            long started, long total) throws SQLException {
        SplittableRandom random = new SplittableRandom(from * 31 + 7);
        try (Connection c = DriverManager.getConnection(url, "root", "");
                PreparedStatement record = c.prepareStatement("""
                        INSERT INTO record (id, source, external_id, domain, org_code, occurred_at, revision, content_hash,
                            status, rule_set_version, evaluated_at, attempts, next_attempt_at, last_error, received_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 1, ?, 'EVALUATED', ?, ?, 0, NULL, NULL, ?, ?)""");
                PreparedStatement revision = c.prepareStatement(
                        "INSERT INTO record_revision (record_id, revision, content_hash, envelope, received_at) VALUES (?, 1, ?, ?, ?)");
                PreparedStatement key = c.prepareStatement(
                        "INSERT INTO record_key (record_id, key_name, key_value, occurred_at, revision) VALUES (?, ?, ?, ?, 1)");
                PreparedStatement evaluation = c.prepareStatement("""
                        INSERT INTO evaluation (id, record_id, revision, rule_set_version, outcome, rules_hit, firings,
                            duration_micros, error, evaluated_at) VALUES (?, ?, 1, ?, 'EVALUATED', '', 0, 0, NULL, ?)""")) {
            c.setAutoCommit(false);
            for (long n = from; n < to; n++) {
                ObjectNode envelope = copy(seeds.get((int) (n % seeds.size())), n, random.nextInt(SPREAD_DAYS));
                LocalDateTime now = Times.nowUtc();
                LocalDateTime occurred = Times.toUtc(OffsetDateTime.parse(envelope.get("occurredAt").asString()));
                String id = Ids.newId();
                String hash = Hashing.sha256Hex(Json.canonical(Json.without(envelope, "source", "externalId")));
                record.setString(1, id);
                record.setString(2, envelope.get("source").asString());
                record.setString(3, envelope.get("externalId").asString());
                record.setString(4, envelope.get("domain").asString());
                record.setString(5, envelope.get("orgCode").asString());
                record.setObject(6, occurred);
                record.setString(7, hash);
                record.setString(8, ruleSetVersion);
                record.setObject(9, now);
                record.setObject(10, now);
                record.setObject(11, now);
                record.addBatch();
                revision.setString(1, id);
                revision.setString(2, hash);
                revision.setString(3, Json.canonical(envelope));
                revision.setObject(4, now);
                revision.addBatch();
                for (String[] k : BenchRecordKeys.of(envelope)) {
                    key.setString(1, id);
                    key.setString(2, k[0]);
                    key.setString(3, k[1]);
                    key.setObject(4, occurred);
                    key.addBatch();
                }
                evaluation.setString(1, Ids.newId());
                evaluation.setString(2, id);
                evaluation.setString(3, ruleSetVersion);
                evaluation.setObject(4, now);
                evaluation.addBatch();
                if ((n - from + 1) % BATCH == 0 || n == to - 1) {
                    record.executeBatch();
                    revision.executeBatch();
                    key.executeBatch();
                    evaluation.executeBatch();
                    c.commit();
                    long sum = written.addAndGet((n - from) % BATCH + 1);
                    if (sum % 50_000 < BATCH) {
                        System.out.printf("filled %d of %d after %.0f s%n", sum, total, (System.nanoTime() - started) / 1e9);
                    }
                }
            }
        }
    }

    /**
     * A copy with fresh identities (externalId, *Id, *No, *Code but orgCode and itemCategory get "-g" and the copy's
     * number; identityHash a new tail) and every date moved back by the given days; year fields follow the act's year.
     */
    static ObjectNode copy(ObjectNode seed, long n, int daysBack) {
        ObjectNode copy = seed.deepCopy();
        String suffix = "-g" + n;
        int yearBefore = OffsetDateTime.parse(seed.get("occurredAt").asString()).getYear();
        OffsetDateTime occurred = OffsetDateTime.parse(seed.get("occurredAt").asString()).minusDays(daysBack);
        copy.put("externalId", seed.get("externalId").asString() + suffix);
        copy.put("occurredAt", occurred.format(TIMESTAMP));
        mark(copy.get("payload"), suffix, String.format("%016x", n), daysBack, occurred.getYear() - yearBefore);
        return copy;
    }

    private static void mark(JsonNode node, String suffix, String hashTail, int daysBack, int yearShift) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : List.copyOf(object.properties())) {
                String field = e.getKey();
                JsonNode value = e.getValue();
                if (value.isString()) {
                    object.put(field, marked(field, value.asString(), suffix, hashTail, daysBack));
                } else if (value.isInt() && (field.equals("year") || field.endsWith("Year"))) {
                    object.put(field, value.asInt() + yearShift);
                } else if (value instanceof ArrayNode array) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isString()) {
                            array.set(i, marked(field, array.get(i).asString(), suffix, hashTail, daysBack));
                        } else {
                            mark(array.get(i), suffix, hashTail, daysBack, yearShift);
                        }
                    }
                } else {
                    mark(value, suffix, hashTail, daysBack, yearShift);
                }
            }
        }
    }

    private static String marked(String field, String value, String suffix, String hashTail, int daysBack) {
        if (!field.equals("orgCode") && !field.equals("itemCategory")
                && (field.endsWith("Id") || field.endsWith("No") || field.endsWith("Code"))) {
            return value + suffix;
        }
        if (field.equals("identityHash")) {
            return value.substring(0, 48) + hashTail;
        }
        if (value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-' && Character.isDigit(value.charAt(0))) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).minusDays(daysBack).toString();
                }
                return OffsetDateTime.parse(value).minusDays(daysBack).format(TIMESTAMP);
            } catch (RuntimeException notADate) {
                return value;
            }
        }
        return value;
    }
}
