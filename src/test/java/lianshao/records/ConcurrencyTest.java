package lianshao.records;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * Many requests on one identity or one warning at the same instant (threads released together by a
 * barrier, each going through the whole HTTP stack). Tagged "database" through the base class, so it
 * runs on H2 and on MariaDB, where row locks, gap locks and deadlocks behave differently.
 */
class ConcurrencyTest extends ApiTestSupport {

    private static final int THREADS = 20;

    /** One reply: status and parsed body. */
    record Reply(int status, JsonNode body) {
    }

    private List<Reply> together(List<Callable<MockHttpServletResponse>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (Callable<MockHttpServletResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                MockHttpServletResponse r = f.get(120, TimeUnit.SECONDS);
                byte[] body = r.getContentAsByteArray();
                replies.add(new Reply(r.getStatus(), body.length == 0 ? null : Json.parse(body)));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The organisation is registered now, before the threads are released: the requests race on the record only. */
    private Callable<MockHttpServletResponse> posting(String body) {
        registerOrgsOf(body);
        return () -> postUnregistered("/api/v1/records", body).andReturn().getResponse();
    }

    @Test
    void theSameRecordPostedFromTwentyThreadsAtOnceIsStoredOnce() throws Exception {
        ObjectNode record = TestRecords.largeInquiry(unique("SCH"));
        String body = record.toString();
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(posting(body));
        }
        List<Reply> replies = together(calls);

        assertThat(replies).extracting(Reply::status).allMatch(s -> s == 200 || s == 201, "every reply 200 or 201");
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).extracting(r -> r.body().get("recordId").asString()).containsOnly(
                replies.get(0).body().get("recordId").asString());
        assertThat(replies).extracting(r -> r.body().get("revision").asInt()).containsOnly(1);
        assertThat(replies).extracting(r -> r.body().get("status").asString()).containsOnly("EVALUATED");
        String id = replies.get(0).body().get("recordId").asString();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = ? AND external_id = ?")
                .params(TestRecords.SOURCE, record.get("externalId").asString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_revision WHERE record_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM record WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("EVALUATED");
    }

    @Test
    void differentRecordsPostedAtOnceEachGetTheirOwnReplyAndARejectedOneFailsAlone() throws Exception {
        List<ObjectNode> records = new ArrayList<>();
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String org = unique("SCH");
            ObjectNode record = i % 2 == 0 ? TestRecords.largeInquiry(org) : TestRecords.smallPurchase(org);
            records.add(record);
            // the last organisation is not registered: that record is refused, the others are not affected
            calls.add(i == THREADS - 1 ? () -> postUnregistered("/api/v1/records", record.toString()).andReturn().getResponse()
                    : posting(record.toString()));
        }
        List<Reply> replies = together(calls);

        assertThat(replies.get(THREADS - 1).status()).isEqualTo(400);
        assertThat(replies.get(THREADS - 1).body().toString()).contains("orgCode");
        for (int i = 0; i < THREADS - 1; i++) {
            Reply reply = replies.get(i);
            assertThat(reply.status()).isEqualTo(201);
            String id = reply.body().get("recordId").asString();
            assertThat(jdbc.sql("SELECT external_id FROM record WHERE id = ?").param(id).query(String.class).single())
                    .as("reply %d names the record it posted", i).isEqualTo(records.get(i).get("externalId").asString());
            List<String> stored = jdbc.sql("SELECT id FROM warning WHERE record_id = ?").param(id).query(String.class).list();
            List<String> answered = new ArrayList<>();
            reply.body().get("warnings").forEach(w -> answered.add(w.get("id").asString()));
            assertThat(answered).as("reply %d carries its own record's warnings", i).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(stored).hasSize(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void concurrentRevisionsOfOneIdentityGiveGaplessRevisionsAndTheLatestContentStored() throws Exception {
        ObjectNode base = TestRecords.smallPurchase(unique("SCH"));
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            ObjectNode variant = base.deepCopy();
            TestRecords.set(variant, "payload.amount", Json.parse(new BigDecimal("300000.00").add(BigDecimal.valueOf(i)).toPlainString()));
            calls.add(posting(variant.toString()));
        }
        List<Reply> replies = together(calls);

        assertThat(replies).extracting(Reply::status).allMatch(s -> s == 200 || s == 201, "every reply 200 or 201");
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        String id = replies.get(0).body().get("recordId").asString();
        assertThat(replies).extracting(r -> r.body().get("recordId").asString()).containsOnly(id);

        List<Integer> revisions = jdbc.sql("SELECT revision FROM record_revision WHERE record_id = ? ORDER BY revision")
                .param(id).query(Integer.class).list();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= THREADS; i++) {
            expected.add(i);
        }
        assertThat(revisions).as("every distinct content is one revision, numbered without gaps").isEqualTo(expected);
        var latest = jdbc.sql("""
                SELECT r.revision, r.content_hash, r.status, v.content_hash AS revision_hash FROM record r
                JOIN record_revision v ON v.record_id = r.id AND v.revision = ? WHERE r.id = ?""")
                .params(THREADS, id).query().singleRow();
        assertThat(((Number) latest.get("revision")).intValue()).isEqualTo(THREADS);
        assertThat(latest.get("content_hash")).isEqualTo(latest.get("revision_hash"));
        assertThat(latest.get("status")).isEqualTo("EVALUATED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = ? AND external_id = ?")
                .params(TestRecords.SOURCE, base.get("externalId").asString()).query(Long.class).single()).isEqualTo(1);
        // the reply of the last writer names the revision it made; all replies name a stored revision
        assertThat(replies).extracting(r -> r.body().get("revision").asInt()).allMatch(r -> r >= 1 && r <= THREADS);
    }

    private String newWarning() throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"测试西区\" }");
        return json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
    }

    private Callable<MockHttpServletResponse> acting(String warningId, String body) {
        return () -> mvc.perform(post("/api/v1/warnings/" + warningId + "/actions").with(signedIn(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    private long audited(String warningId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM warning_action WHERE warning_id = ? AND action = ?").params(warningId, action)
                .query(Long.class).single();
    }

    private int version(String warningId) {
        return jdbc.sql("SELECT version FROM warning WHERE id = ?").param(warningId).query(Integer.class).single();
    }

    @Test
    void concurrentReviewersStartingTheSameReviewLeaveExactlyOneWinnerAndConflictsForTheRest() throws Exception {
        String id = newWarning();
        mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"ASSIGN\", \"assignee\": \"" + INSPECTOR + "\"}"));
        int before = version(id);
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(acting(id, "{\"action\": \"START_REVIEW\", \"comment\": \"reviewer " + i + "\"}"));
        }
        List<Reply> replies = together(calls);

        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(THREADS - 1);
        assertThat(audited(id, "START_REVIEW")).isEqualTo(1);
        assertThat(version(id)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT status FROM warning WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("UNDER_REVIEW");
    }

    @Test
    void concurrentCommentsLoseNoUpdateEverySuccessIsInTheAuditTrail() throws Exception {
        String id = newWarning();
        int before = version(id);
        List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(acting(id, "{\"action\": \"COMMENT\", \"comment\": \"note " + i + "\"}"));
        }
        List<Reply> replies = together(calls);

        assertThat(replies).extracting(Reply::status).allMatch(s -> s == 200 || s == 409);
        long succeeded = replies.stream().filter(r -> r.status() == 200).count();
        assertThat(succeeded).isGreaterThanOrEqualTo(1);
        assertThat(audited(id, "COMMENT")).as("one audit entry per accepted action, none for the losers").isEqualTo(succeeded);
        assertThat(version(id)).as("the version counts exactly the accepted actions").isEqualTo(before + (int) succeeded);
        List<String> comments = jdbc.sql("SELECT comment FROM warning_action WHERE warning_id = ? AND action = 'COMMENT'")
                .param(id).query(String.class).list();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            if (replies.get(i).status() == 200) {
                accepted.add("note " + i);
            }
        }
        assertThat(comments).containsExactlyInAnyOrderElementsOf(accepted);
    }
}
