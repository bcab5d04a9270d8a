package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;

/** A record whose evaluation fails is kept with its error and evaluated again later. */
class EvaluationFailureTest extends ApiTestSupport {

    /** A rule that fails on every record: its Thresholds condition asks for a threshold nobody configured. */
    private static final String BROKEN = """
            package lianshao.rules.broken;
            import lianshao.facts.*;
            global Hits hits;
            rule "TST-01 asks for a missing threshold"
                @id("TST-01") @title("测试") @form(1) @clause("M9") @basis("测试") @departments("纪检组")
            when
                Procurement( current )
                Thresholds( amount("no.such.threshold") > 0 )
            then
                hits.raise("never");
            end
            """;

    /** A rule that fails on purchases only (a short description has no character 500); tenders pass. */
    private static final String FAILS_ON_PURCHASES = """
            package lianshao.rules.broken;
            import lianshao.facts.*;
            global Hits hits;
            rule "TST-02 reads past the end of a description"
                @id("TST-02") @title("测试") @form(1) @clause("M9") @basis("测试") @departments("纪检组")
            when
                Procurement( current, description.charAt(500) == 'x' )
            then
                hits.raise("never");
            end
            """;

    @Autowired
    ActiveRuleSet rules;
    @Autowired
    BackgroundEvaluation background;

    @Test
    void aFailedEvaluationIsStoredWithItsErrorAndRetried() throws Exception {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("broken/TST-01.drl", BROKEN);
        RuleSet broken = new RuleCompiler().compile(new RuleSource(files, ""));
        RuleSet previous = rules.activate(broken);
        String recordId;
        try {
            recordId = json(postJson("/api/v1/records", TestRecords.largeInquiry("SCH-FAIL").toString())
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("EVALUATION_FAILED"))
                    .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("no.such.threshold")))
                    .andExpect(jsonPath("$.warnings").isEmpty())
                    .andReturn()).get("recordId").asString();
        } finally {
            rules.activate(previous);
        }
        assertThat(jdbc.sql("SELECT attempts FROM record WHERE id = ?").param(recordId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM evaluation WHERE record_id = ?").param(recordId).query(String.class).list())
                .containsExactly("EVALUATION_FAILED");

        // not yet due: the retry waits for its back-off
        background.retryDue();
        assertThat(jdbc.sql("SELECT status FROM record WHERE id = ?").param(recordId).query(String.class).single())
                .isEqualTo("EVALUATION_FAILED");

        // due now: the retry evaluates it with the repaired rule set
        jdbc.sql("UPDATE record SET next_attempt_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.of(2020, 1, 1, 0, 0), recordId).update();
        assertThat(background.retryDue()).isGreaterThanOrEqualTo(1);
        getAsInspector("/api/v1/records/" + recordId).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EVALUATED"))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("PRC-01"));
        assertThat(jdbc.sql("SELECT outcome FROM evaluation WHERE record_id = ? ORDER BY evaluated_at, id").param(recordId)
                .query(String.class).list()).containsExactly("EVALUATION_FAILED", "EVALUATED");
    }

    @Test
    void inABatchOnlyTheRecordWhoseEvaluationFailsIsKeptAsFailedAndEveryRecordIsStored() throws Exception {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("broken/TST-02.drl", FAILS_ON_PURCHASES);
        RuleSet previous = rules.activate(new RuleCompiler().compile(new RuleSource(files, "")));
        long[] before = storedRows();
        tools.jackson.databind.JsonNode reply;
        try {
            reply = json(postJson("/api/v1/records/batch", TestRecords.batch(TestRecords.cleanTender("SCH-FAIL"),
                    TestRecords.smallPurchase("SCH-FAIL"), TestRecords.cleanTender("SCH-FAIL")))
                    .andExpect(status().isOk()).andReturn());
        } finally {
            rules.activate(previous);
        }
        assertThat(reply.get("accepted").asInt()).isEqualTo(3);
        java.util.List<String> evaluations = new java.util.ArrayList<>();
        reply.get("results").forEach(r -> evaluations.add(r.get("evaluation").asString()));
        assertThat(evaluations).containsExactly("EVALUATED", "EVALUATION_FAILED", "EVALUATED");
        long[] after = storedRows();
        assertThat(after[0] - before[0]).as("records stored").isEqualTo(3);
        assertThat(after[1] - before[1]).as("revisions stored").isEqualTo(3);
        // one evaluation row each: the rolled-back attempt left nothing behind
        java.util.List<String> ids = new java.util.ArrayList<>();
        reply.get("results").forEach(r -> ids.add(r.get("recordId").asString()));
        assertThat(jdbc.sql("SELECT outcome FROM evaluation WHERE record_id IN (:ids)").param("ids", ids).query(String.class).list())
                .containsExactlyInAnyOrder("EVALUATED", "EVALUATION_FAILED", "EVALUATED");
    }

    @Test
    void aRecordLeftPendingByACrashIsPickedUp() throws Exception {
        String recordId = json(postJson("/api/v1/records", TestRecords.largeInquiry("SCH-CRASH").toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();
        // as if the process had died between storing the record and committing its evaluation
        jdbc.sql("DELETE FROM warning_subject WHERE record_id = ?").param(recordId).update();
        jdbc.sql("DELETE FROM warning_action WHERE warning_id IN (SELECT id FROM warning WHERE record_id = ?)").param(recordId).update();
        jdbc.sql("DELETE FROM warning WHERE record_id = ?").param(recordId).update();
        jdbc.sql("UPDATE record SET status = 'PENDING', next_attempt_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.of(2020, 1, 1, 0, 0), recordId).update();

        background.retryDue();
        assertThat(jdbc.sql("SELECT status FROM record WHERE id = ?").param(recordId).query(String.class).single()).isEqualTo("EVALUATED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ?").param(recordId).query(Integer.class).single()).isEqualTo(1);
    }
}
