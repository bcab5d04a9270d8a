package lianshao.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * Two instances of the service on one MariaDB, as behind a load balancer: the same batches of one
 * organisation posted to both at the same moment are stored once, under one id each, evaluated once,
 * with one warning per rule and record.
 *
 * <p>Both tests run on one database and one pair of instances, started once: what either checks does not depend on
 * the other (the rule-version test stores no records, and the version it activates differs from the first by a
 * comment in the thresholds file only).
 */
@Tag("fault")
@EnabledIf("lianshao.fault.FaultTests#enabled")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final String FEED = "two-feed";
    static final int BATCHES = 8;
    static final int SIZE = 40;
    static final String ADMIN = "admin";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String key = "two-key-" + System.nanoTime();
    final String adminPassword = "two-admin-" + System.nanoTime();
    OwnMariaDb db;
    ServiceProcess a;
    ServiceProcess b;

    @BeforeAll
    void startTheDatabaseAndBothInstances() throws Exception {
        db = OwnMariaDb.start();
        a = new ServiceProcess(OwnMariaDb.freePort(), db.url(), FEED, key,
                "--lianshao.rules.poll-interval=2s", "--lianshao.security.bootstrap-admin-password=" + adminPassword).start();
        b = new ServiceProcess(OwnMariaDb.freePort(), db.url(), FEED, key, "--lianshao.rules.poll-interval=2s").start();
    }

    @AfterAll
    void stopThem() throws Exception {
        try (OwnMariaDb database = db; ServiceProcess first = a; ServiceProcess second = b) {
            // closed in reverse order: the instances, then their database
        }
    }

    HttpResponse<String> post(ServiceProcess service, String body) {
        try {
            return http.send(HttpRequest.newBuilder(service.uri("/api/v1/records/batch")).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bothInstancesAcceptTheSameOrganisationsRecordsWithoutDuplicates() throws Exception {
        List<String> bodies = new ArrayList<>();
        int risky = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            ObjectNode[] records = new ObjectNode[SIZE];
            for (int i = 0; i < SIZE; i++) {
                int n = batch * SIZE + i;
                ObjectNode record = n % 4 == 0 ? TestRecords.largeInquiry("SCH-TWO") : TestRecords.smallPurchase("SCH-TWO");
                risky += n % 4 == 0 ? 1 : 0;
                TestRecords.set(record, "source", FEED);
                TestRecords.set(record, "externalId", "TWO-" + n);
                records[i] = record;
            }
            bodies.add(TestRecords.batch(records));
        }
        a.withOrgs("SCH-TWO");
        Map<String, String> ids = new ConcurrentHashMap<>();
        for (String body : bodies) {
            CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(() -> post(a, body));
            CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(() -> post(b, body));
            for (HttpResponse<String> reply : List.of(viaA.join(), viaB.join())) {
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                for (JsonNode item : Json.parse(reply.body()).get("results")) {
                    assertThat(item.get("status").asString()).isIn("CREATED", "UNCHANGED");
                    String previous = ids.putIfAbsent(item.get("externalId").asString(), item.get("recordId").asString());
                    assertThat(previous == null || previous.equals(item.get("recordId").asString()))
                            .as("both instances answer the same id for " + item.get("externalId")).isTrue();
                }
            }
        }
        assertThat(ids).hasSize(BATCHES * SIZE);
        try (Connection c = db.connect()) {
            long wait = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (CrashTest.count(c, "SELECT COUNT(*) FROM record WHERE status <> 'EVALUATED'") > 0 && System.nanoTime() < wait) {
                Thread.sleep(300);
            }
            assertThat(CrashTest.count(c, "SELECT COUNT(*) FROM record WHERE status <> 'EVALUATED'")).isZero();
            assertThat(CrashTest.count(c, "SELECT COUNT(*) FROM record")).isEqualTo(BATCHES * SIZE);
            assertThat(CrashTest.count(c, "SELECT COUNT(*) FROM record_revision")).isEqualTo(BATCHES * SIZE);
            assertThat(CrashTest.count(c, "SELECT COUNT(*) FROM warning WHERE rule_id = 'PRC-01'")).isEqualTo(risky);
            assertThat(CrashTest.count(c, "SELECT COUNT(*) FROM (SELECT rule_id, record_id FROM warning GROUP BY rule_id, record_id HAVING COUNT(*) > 1) d"))
                    .isZero();
        }
    }

    /**
     * A rule-set version approved through one instance is active on the other within 10 seconds
     * (every instance polls the active row), and health names the same version on both.
     */
    @Test
    void aRuleVersionActivatedOnOneInstanceIsActiveOnTheOtherWithinTenSeconds() throws Exception {
        String admin = ADMIN;
        String author = "two-author";
        String authorPassword = "two-author-pass-1";
        try (Connection c = db.connect(); var insert = c.prepareStatement("""
                INSERT INTO app_user (username, password_hash, display_name, roles, enabled, created_at)
                VALUES (?, ?, ?, 'RULE_AUTHOR', TRUE, CURRENT_TIMESTAMP)""")) {
            insert.setString(1, author);
            insert.setString(2, new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(authorPassword));
            insert.setString(3, "规则维护");
            insert.executeUpdate();
        }
        String before = ruleSetVersion(a, admin, adminPassword);
        assertThat(ruleSetVersion(b, admin, adminPassword)).isEqualTo(before);

        int active = Json.parse(call(a, "GET", "/api/v1/rule-sets", null, admin, adminPassword).body())
                .get("active").get("version").asInt();
        JsonNode version = Json.parse(call(a, "GET", "/api/v1/rule-sets/" + active, null, admin, adminPassword).body());
        String thresholds = version.get("files").get("thresholds.properties").asString();
        ObjectNode draft = Json.MAPPER.createObjectNode();
        draft.put("parent", active);
        draft.put("comment", "两实例收敛测试 / two-instance convergence");
        draft.putObject("files").put("thresholds.properties", thresholds + "\n# reviewed for the two-instance test\n");
        HttpResponse<String> created = call(a, "POST", "/api/v1/rule-sets", draft.toString(), author, authorPassword);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        int number = Json.parse(created.body()).get("version").asInt();
        HttpResponse<String> submitted = call(a, "POST", "/api/v1/rule-sets/" + number + "/submit", null, author, authorPassword);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved = call(a, "POST", "/api/v1/rule-sets/" + number + "/approve?wait=true&activeVersion=" + active, null, admin, adminPassword);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        String after = ruleSetVersion(a, admin, adminPassword);
        assertThat(after).isNotEqualTo(before);
        long activatedAt = System.nanoTime();
        while (!after.equals(ruleSetVersion(b, admin, adminPassword)) && System.nanoTime() - activatedAt < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(250);
        }
        assertThat(ruleSetVersion(b, admin, adminPassword)).as("instance B within 10 s of the activation on A").isEqualTo(after);
    }

    /** The active version as health shows it to an administrator (anonymous callers see the status only). */
    private String ruleSetVersion(ServiceProcess service, String admin, String adminPassword) throws Exception {
        HttpResponse<String> health = call(service, "GET", "/actuator/health", null, admin, adminPassword);
        return Json.parse(health.body()).get("components").get("ruleSet").get("details").get("version").asString();
    }

    private HttpResponse<String> call(ServiceProcess service, String method, String path, String body, String user, String password)
            throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + auth).header("X-Requested-By", "lianshao")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
