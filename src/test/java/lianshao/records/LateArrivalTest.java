package lianshao.records;

import static lianshao.TestRecords.set;
import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Binding;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * A record that arrives after records that occurred later changes their running totals: those are
 * re-evaluated, once per burst of late arrivals, and once per import job however many of its records
 * arrive late.
 */
@Tag("database")
class LateArrivalTest extends ApiTestSupport {

    @Autowired
    BackgroundEvaluation background;

    @Autowired
    ReevaluationQueue queue;

    @Autowired
    RecordIngestion ingestion;

    @Autowired
    RecordStore store;

    @Autowired
    JdbcTemplate template;

    /** A purchase by inquiry on one budget line and category (PRC-02 adds such purchases up per line and category). */
    private static ObjectNode purchase(String org, String line, String occurredAt, String amount) {
        ObjectNode record = TestRecords.smallPurchase(org);
        record.put("occurredAt", occurredAt);
        set(record, "payload.budgetProjectCode", line);
        set(record, "payload.amount", Json.parse(amount));
        return record;
    }

    private String post(ObjectNode record) throws Exception {
        return json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("recordId").asString();
    }

    private List<String> rulesOf(String recordId) {
        return jdbc.sql("SELECT rule_id FROM warning WHERE record_id = ? AND still_hits = TRUE").param(recordId)
                .query(String.class).list();
    }

    private int queued(String recordId) {
        return jdbc.sql("SELECT COUNT(*) FROM reevaluation_queue WHERE record_id = ?").param(recordId).query(Integer.class).single();
    }

    @Test
    void anEarlierPurchaseArrivingLateRaisesTheWarningOfTheLaterOneWhoseRunningTotalItLifts() throws Exception {
        String org = unique("SCH-LATE");
        String line = unique("BP");
        String march = post(purchase(org, line, "2026-03-10T09:00:00+08:00", "800000.00"));
        String april = post(purchase(org, line, "2026-04-01T09:00:00+08:00", "400000.00"));
        assertThat(rulesOf(april)).doesNotContain("PRC-02");

        String february = post(purchase(org, line, "2026-02-10T09:00:00+08:00", "900000.00"));
        assertThat(rulesOf(february)).as("nothing earlier: 900,000 alone").doesNotContain("PRC-02");
        assertThat(queued(march)).isEqualTo(1);
        assertThat(queued(april)).isEqualTo(1);

        // a second late arrival before the worker ran: still one entry per later record
        post(purchase(org, line, "2026-01-05T09:00:00+08:00", "10000.00"));
        assertThat(queued(april)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT generation FROM reevaluation_queue WHERE record_id = ?").param(april).query(Integer.class).single())
                .isEqualTo(1);

        assertThat(background.drainQueue()).isGreaterThanOrEqualTo(2);
        assertThat(rulesOf(april)).as("900,000 + 800,000 + 400,000 + 10,000 is above 2,000,000").contains("PRC-02");
        assertThat(rulesOf(march)).as("1,710,000 is not").doesNotContain("PRC-02");
        assertThat(queued(april)).isZero();
    }

    @Test
    void anEntryIsTakenWhenDueAndAWorkerHoldingAnOlderGenerationLeavesItQueued() throws Exception {
        String org = unique("SCH-LATE");
        String id = post(purchase(org, unique("BP"), "2026-03-10T09:00:00+08:00", "1000.00"));
        LocalDateTime now = Times.nowUtc();
        queue.enqueueLate(List.of(id), "test", now.plusSeconds(30));
        assertThat(ids(queue.claim(1000, now, now.plusMinutes(5)))).doesNotContain(id);

        List<ReevaluationQueue.Claim> taken = queue.claim(1000, now.plusSeconds(31), now.plusMinutes(5));
        assertThat(ids(taken)).contains(id);
        queue.enqueueLate(List.of(id), "queued again while being evaluated", now);
        queue.done(taken.stream().filter(c -> c.recordId().equals(id)).toList());
        assertThat(queued(id)).as("the newer generation stays for another round").isEqualTo(1);
        assertThat(ids(queue.claim(1000, now.plusSeconds(1), now.plusMinutes(5)))).contains(id);
    }

    @Test
    void aRecordQueuedOnlyForLateArrivalsWaitsUntilItsLastEvaluationIsAnIntervalOldAndAReferenceChangeDoesNotWait()
            throws Exception {
        EvaluationSettings d = EvaluationSettings.defaults();
        EvaluationSettings hourly = new EvaluationSettings(d.lookbackYears(), d.maxContextRecords(), d.maxRelations(),
                d.pendingGrace(), d.retryBackoff(), d.maxRetryBackoff(), d.workerBatch(), d.maxReevaluationsPerChange(),
                d.failuresBeforeWarning(), Duration.ZERO, Duration.ofHours(1), d.importHoldLimit());
        ReevaluationQueue throttled = new ReevaluationQueue(jdbc, template, store, hourly);
        String org = unique("SCH-LATE");
        String late = post(purchase(org, unique("BP"), "2026-03-10T09:00:00+08:00", "1000.00"));
        String changed = post(purchase(org, unique("BP"), "2026-03-11T09:00:00+08:00", "1000.00"));
        LocalDateTime now = Times.nowUtc();
        throttled.enqueueLate(List.of(late, changed), "late arrivals", now);
        throttled.enqueue(List.of(changed), "a party of the record changed");

        List<String> soon = ids(throttled.claim(1000, now.plusSeconds(1), now.plusMinutes(5)));
        assertThat(soon).as("evaluated when posted, less than an hour ago").doesNotContain(late);
        assertThat(soon).as("a change of reference data is judged at once").contains(changed);
        assertThat(ids(throttled.claim(1000, now.plusMinutes(61), now.plusMinutes(70)))).contains(late);
    }

    @Test
    void anImportJobHoldsTheReevaluationsItCausesUntilItEndsThenQueuesTheLaterRecordsOnce() throws Exception {
        String org = unique("SCH-LATE");
        String line = unique("BP");
        String march = post(purchase(org, line, "2026-03-10T09:00:00+08:00", "800000.00"));
        String april = post(purchase(org, line, "2026-04-01T09:00:00+08:00", "400000.00"));
        String job = unique("job");
        ingestion.ingest(List.of(purchase(org, line, "2026-02-10T09:00:00+08:00", "900000.00")), TestRecords.SOURCE, Binding.CITY, job);
        ingestion.ingest(List.of(purchase(org, line, "2026-01-10T09:00:00+08:00", "10000.00")), TestRecords.SOURCE, Binding.CITY, job);
        assertThat(queued(april)).as("held while the job runs").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reevaluation_hold WHERE held_by = ?").param(job).query(Integer.class).single())
                .isPositive();

        assertThat(ingestion.releaseHeldReevaluations(job)).isGreaterThanOrEqualTo(2);
        assertThat(queued(april)).isEqualTo(1);
        assertThat(queued(march)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reevaluation_hold WHERE held_by = ?").param(job).query(Integer.class).single())
                .isZero();
        background.drainQueue();
        assertThat(rulesOf(april)).contains("PRC-02");
    }

    @Test
    void aHoldLeftByAJobThatNeverEndedIsReleasedAfterTheLimit() throws Exception {
        String org = unique("SCH-LATE");
        String line = unique("BP");
        String april = post(purchase(org, line, "2026-04-01T09:00:00+08:00", "400000.00"));
        String job = unique("job");
        ingestion.ingest(List.of(purchase(org, line, "2026-02-10T09:00:00+08:00", "900000.00")), TestRecords.SOURCE, Binding.CITY, job);
        background.releaseAbandonedHolds();
        assertThat(queued(april)).as("a running job's hold is young").isZero();
        jdbc.sql("UPDATE reevaluation_hold SET held_at = ? WHERE held_by = ?").params(Times.nowUtc().minusHours(2), job).update();
        background.releaseAbandonedHolds();
        assertThat(queued(april)).isEqualTo(1);
    }

    /**
     * Records sharing a budget line imported in reverse order of their act dates, 10 a batch: every batch
     * arrives before all the records stored so far. Held by the import, each record is evaluated at most
     * twice (on arrival, and once after the import); re-evaluated after every batch, the count grows with the
     * square of the number of batches.
     */
    @Test
    void importingInReverseOrderCostsEvaluationsLinearInTheRecords() {
        int batches = 8;
        int perBatch = 10;
        int records = batches * perBatch;
        assertThat(evaluationsOfReverseImport(batches, perBatch, unique("job"))).isLessThanOrEqualTo(2 * records);
        assertThat(evaluationsOfReverseImport(batches, perBatch, null))
                .as("without the hold: 80 on arrival and 10 x (0 + 1 + ... + 7) = 280 re-evaluations")
                .isGreaterThan(3 * records);
    }

    private int evaluationsOfReverseImport(int batches, int perBatch, String job) {
        String org = unique("SCH-LATE");
        registerOrg(org, TEST_DISTRICT);
        String line = unique("BP");
        List<String> ids = new ArrayList<>();
        LocalDateTime last = LocalDateTime.of(2026, 6, 30, 9, 0);
        for (int b = 0; b < batches; b++) {
            List<JsonNode> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                LocalDateTime at = last.minusDays((long) b * perBatch + i);
                batch.add(purchase(org, line, at + ":00+08:00", "1000.00"));
            }
            ingestion.ingest(batch, TestRecords.SOURCE, Binding.CITY, job).forEach(r -> ids.add(r.recordId()));
            if (job == null) {
                background.drainQueue();
            }
        }
        if (job != null) {
            ingestion.releaseHeldReevaluations(job);
        }
        background.drainQueue();
        assertThat(ids).doesNotContainNull().hasSize(batches * perBatch);
        return jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE record_id IN (:ids)").param("ids", ids).query(Integer.class).single();
    }

    private static List<String> ids(List<ReevaluationQueue.Claim> claims) {
        return claims.stream().map(ReevaluationQueue.Claim::recordId).toList();
    }
}
