package lianshao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * The service is killed with SIGKILL in the middle of a batch load and started again: every record
 * answered 200 is stored once with its warnings, nothing is half-written, the client's retries
 * create no duplicates, and records left PENDING complete.
 */
@Tag("fault")
@EnabledIf("lianshao.fault.FaultTests#enabled")
class CrashTest {

    static final String FEED = "fault-feed";
    static final int BATCHES = 24;
    static final int BATCH_SIZE = 40;
    static final String[] ORGS = {"SCH-F0", "SCH-F1", "SCH-F2", "SCH-F3", "SCH-F4", "SCH-F5", "SCH-F6"};

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String key = "fault-key-" + System.nanoTime();

    /** Batch i, always the same content; every tenth record a large purchase by inquiry (PRC-01). */
    static List<String> batches(List<ObjectNode> all) {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            ObjectNode[] records = new ObjectNode[BATCH_SIZE];
            for (int i = 0; i < BATCH_SIZE; i++) {
                int n = b * BATCH_SIZE + i;
                String org = "SCH-F" + (n % 7);
                ObjectNode record = switch (n % 5) {
                    case 0 -> n % 10 == 0 ? TestRecords.largeInquiry(org) : TestRecords.smallPurchase(org);
                    case 1 -> TestRecords.cleanTender(org);
                    case 2 -> TestRecords.recruitment(org);
                    case 3 -> TestRecords.researchExpense(org);
                    default -> TestRecords.smallPurchase(org);
                };
                TestRecords.set(record, "source", FEED);
                TestRecords.set(record, "externalId", "CRASH-" + n);
                records[i] = record;
                all.add(record);
            }
            bodies.add(TestRecords.batch(records));
        }
        return bodies;
    }

    HttpResponse<String> post(ServiceProcess service, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri("/api/v1/records/batch")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records the acknowledged items of a 200 reply: externalId → recordId. */
    static void acknowledge(String reply, Map<String, String> acknowledged) {
        for (JsonNode item : Json.parse(reply).get("results")) {
            if (item.get("recordId") != null && !item.get("recordId").isNull()) {
                String previous = acknowledged.putIfAbsent(item.get("externalId").asString(), item.get("recordId").asString());
                assertThat(previous == null || previous.equals(item.get("recordId").asString()))
                        .as("a repost answers the same record id for " + item.get("externalId")).isTrue();
            }
        }
    }

    @Test
    void aServiceKilledMidBatchLosesNothingItAcknowledgedAndRetriesCreateNoDuplicates() throws Exception {
        List<ObjectNode> all = new ArrayList<>();
        List<String> bodies = batches(all);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (OwnMariaDb db = OwnMariaDb.start()) {
            int port = OwnMariaDb.freePort();
            AtomicInteger answered = new AtomicInteger();
            int firstUnanswered;
            try (ServiceProcess first = new ServiceProcess(port, db.url(), FEED, key).start().withOrgs(ORGS)) {
                Thread poster = new Thread(() -> {
                    for (int b = 0; b < BATCHES; b++) {
                        try {
                            HttpResponse<String> reply = post(first, bodies.get(b));
                            if (reply.statusCode() != 200) {
                                return;
                            }
                            acknowledge(reply.body(), acknowledged);
                            answered.incrementAndGet();
                        } catch (Exception connectionLost) {
                            return;
                        }
                    }
                });
                poster.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (answered.get() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(150); // well inside the next batch
                first.kill();
                poster.join(30_000);
                firstUnanswered = answered.get();
                assertThat(firstUnanswered).as("killed during the load, not after it").isBetween(3, BATCHES - 1);
            }
            int before = acknowledged.size();
            try (ServiceProcess second = new ServiceProcess(port, db.url(), FEED, key).start()) {
                // the client retries what was not answered, and reposts one batch that was
                for (int b = firstUnanswered; b < BATCHES; b++) {
                    HttpResponse<String> reply = post(second, bodies.get(b));
                    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                    acknowledge(reply.body(), acknowledged);
                }
                HttpResponse<String> again = post(second, bodies.get(0));
                assertThat(again.statusCode()).isEqualTo(200);
                for (JsonNode item : Json.parse(again.body()).get("results")) {
                    assertThat(item.get("status").asString()).isEqualTo("UNCHANGED");
                }
                acknowledge(again.body(), acknowledged);
                assertThat(acknowledged).hasSize(BATCHES * BATCH_SIZE);
                assertThat(before).isLessThan(acknowledged.size());

                try (Connection c = db.connect()) {
                    long wait = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (count(c, "SELECT COUNT(*) FROM record WHERE status <> 'EVALUATED'") > 0 && System.nanoTime() < wait) {
                        Thread.sleep(500);
                    }
                    assertThat(count(c, "SELECT COUNT(*) FROM record WHERE status <> 'EVALUATED'"))
                            .as("PENDING and EVALUATION_FAILED records complete after the restart").isZero();
                    assertThat(count(c, "SELECT COUNT(*) FROM record")).as("one record per identity").isEqualTo(BATCHES * BATCH_SIZE);
                    Map<String, String> stored = new HashMap<>();
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT external_id, id, revision FROM record")) {
                        while (rs.next()) {
                            stored.put(rs.getString(1), rs.getString(2));
                            assertThat(rs.getInt(3)).isEqualTo(1);
                        }
                    }
                    assertThat(stored).as("every acknowledged record is stored under the id it was answered with")
                            .containsAllEntriesOf(acknowledged);
                    assertThat(count(c, "SELECT COUNT(*) FROM record_revision")).isEqualTo(BATCHES * BATCH_SIZE);
                    assertThat(count(c, """
                            SELECT COUNT(*) FROM record r LEFT JOIN record_revision v ON v.record_id = r.id AND v.revision = r.revision
                            WHERE v.record_id IS NULL""")).as("no record without its revision").isZero();
                    assertThat(count(c, "SELECT COUNT(*) FROM record r WHERE NOT EXISTS (SELECT 1 FROM record_key k WHERE k.record_id = r.id)"))
                            .as("no record without its lookup keys").isZero();
                    assertThat(count(c, """
                            SELECT COUNT(*) FROM record r WHERE NOT EXISTS
                              (SELECT 1 FROM evaluation e WHERE e.record_id = r.id AND e.outcome = 'EVALUATED')""")).isZero();
                    assertThat(count(c, "SELECT COUNT(*) FROM warning w WHERE NOT EXISTS (SELECT 1 FROM record r WHERE r.id = w.record_id)"))
                            .isZero();
                    long risky = all.stream().filter(r -> r.get("payload").has("amount") && r.get("payload").get("amount").decimalValue()
                            .compareTo(new java.math.BigDecimal("2000000")) >= 0).count();
                    assertThat(risky).isGreaterThan(0);
                    assertThat(count(c, "SELECT COUNT(*) FROM warning WHERE rule_id = 'PRC-01'"))
                            .as("every large purchase by inquiry has its one PRC-01 warning").isEqualTo(risky);
                    assertThat(count(c, "SELECT COUNT(*) FROM (SELECT rule_id, record_id FROM warning GROUP BY rule_id, record_id HAVING COUNT(*) > 1) d"))
                            .isZero();
                }
            }
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
