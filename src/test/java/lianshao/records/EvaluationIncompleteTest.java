package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;
import lianshao.support.Json;

/**
 * Fail closed: a record whose evaluation cannot complete within its budgets raises the system warning SYS-01
 * in the inspectors' queue, with the budget and the numbers, counted in the metrics and on the dashboard; it
 * is retried, and when a retry completes the warning records that and stays to be closed.
 */
class EvaluationIncompleteTest extends ApiTestSupport {

    /**
     * Compares every two bids of a tender, as a collusion rule that fires once per pair of identical bids does:
     * a tender padded with n identical bids fires n(n-1)/2 times.
     */
    private static final String EVERY_PAIR_OF_BIDS = """
            package lianshao.rules.pairs;
            import lianshao.facts.*;
            global Hits hits;
            rule "TST-03 two bids at the same price"
                @id("TST-03") @title("测试") @form(3) @clause("M9") @basis("测试") @departments("纪检组")
            when
                $t : Tender( current )
                $a : Bid( recordId == $t.recordId, $ai : index )
                $b : Bid( recordId == $t.recordId, index > $ai, samePriceAs($a) )
            then
                hits.raise("same price").subject($a.bidderRef()).subject($b.bidderRef());
            end
            """;

    @Autowired
    ActiveRuleSet rules;
    @Autowired
    BackgroundEvaluation background;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RulesSettings rulesSettings;

    private RuleSet previous;

    @BeforeEach
    void activatePairwiseRule() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("pairs/TST-03.drl", EVERY_PAIR_OF_BIDS);
        previous = rules.activate(new RuleCompiler().compile(new RuleSource(files, "")));
    }

    @AfterEach
    void restoreRules() {
        if (previous != null) {
            rules.activate(previous);
        }
    }

    /** A tender padded with {@code count} identical bids (the most the contract allows is 200). */
    static ObjectNode paddedTender(String orgCode, int count) {
        ObjectNode tender = TestRecords.cleanTender(orgCode);
        ArrayNode bids = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            bids.add(Json.parse("{ \"bidderRef\": \"PAD-%d\", \"price\": 4800000.00, \"disqualified\": false }".formatted(i)));
        }
        ((ObjectNode) tender.get("payload")).set("bids", bids);
        return tender;
    }

    private double incompleteCount(String reason) {
        Counter counter = meters.find("lianshao.evaluation.incomplete").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTenderPaddedWithIdenticalBidsRaisesSys01InsteadOfFailingSilently() throws Exception {
        assertThat(200 * 199 / 2).as("the padding is enough to exceed the firing budget").isGreaterThan(rulesSettings.maxFirings());
        double before = incompleteCount("FIRING_BUDGET");

        JsonNode reply = json(postJson("/api/v1/records", paddedTender("SCH-PAD", 200).toString())
                .andExpect(status().isCreated()).andReturn());
        String recordId = reply.get("recordId").asString();

        assertThat(reply.get("status").asString()).isEqualTo("EVALUATION_FAILED");
        assertThat(reply.get("warnings")).hasSize(1);
        JsonNode warning = reply.get("warnings").get(0);
        assertThat(warning.get("ruleId").asString()).isEqualTo("SYS-01");
        assertThat(warning.get("title").asString()).isEqualTo("评估未完成");
        assertThat(warning.get("titleEn").asString()).isEqualTo("Evaluation incomplete");
        assertThat(warning.get("form").asInt()).isEqualTo(2);
        assertThat(warning.get("orgCode").asString()).isEqualTo("SCH-PAD");
        assertThat(warning.get("status").asString()).isEqualTo("NEW");
        assertThat(Json.write(warning.get("departments"))).contains("纪检组", "信息中心");
        assertThat(warning.get("message").asString()).contains("触发次数超出预算", String.valueOf(rulesSettings.maxFirings()));
        JsonNode facts = warning.get("evidence").get("facts");
        assertThat(facts.get("reason").asString()).isEqualTo("FIRING_BUDGET");
        assertThat(facts.get("budget").asString()).isEqualTo("FIRINGS");
        assertThat(facts.get("limit").asLong()).isEqualTo(rulesSettings.maxFirings());
        assertThat(facts.get("used").asLong()).isGreaterThanOrEqualTo(rulesSettings.maxFirings());
        assertThat(incompleteCount("FIRING_BUDGET")).isEqualTo(before + 1);

        // in the inspectors' queue: the API list and the console's queue
        JsonNode list = json(getAsInspector("/api/v1/warnings?ruleId=SYS-01&size=100").andExpect(status().isOk()).andReturn());
        List<String> listed = new ArrayList<>();
        list.get("items").forEach(w -> listed.add(w.get("recordId").asString()));
        assertThat(listed).contains(recordId);
        // the default order is by form, then deadline: among many more serious warnings, the queue filtered by rule
        String queue = getAsInspector("/warnings?ruleId=SYS-01").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains(warning.get("id").asString()).contains("SYS-01");
        String dashboard = getAsInspector("/").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"incomplete-count\"").contains("ruleId=SYS-01");
        // described like a catalogue rule where warnings are shown; the rule pages still answer with it present
        String detail = getAsInspector("/warnings/" + warning.get("id").asString()).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(detail).contains("SYS-01", "评估未完成", "信息中心", "纪检组");
        getAsInspector("/coverage").andExpect(status().isOk());
        getAsInspector("/rules/quality").andExpect(status().isOk());

        // a retry that completes (the rules were fixed) notes it in the warning's history; the warning stays open
        rules.activate(previous);
        jdbc.sql("UPDATE record SET next_attempt_at = ? WHERE id = ?").params(LocalDateTime.of(2020, 1, 1, 0, 0), recordId).update();
        assertThat(background.retryDue()).isGreaterThanOrEqualTo(1);
        JsonNode record = json(getAsInspector("/api/v1/records/" + recordId).andExpect(status().isOk()).andReturn());
        assertThat(record.get("status").asString()).isEqualTo("EVALUATED");
        JsonNode kept = null;
        for (JsonNode w : record.get("warnings")) {
            if (w.get("ruleId").asString().equals("SYS-01")) {
                kept = w;
            }
        }
        assertThat(kept).as("the system warning is not deleted").isNotNull();
        assertThat(kept.get("status").asString()).isEqualTo("NEW");
        assertThat(kept.get("stillHits").asBoolean()).isFalse();
        List<String> actions = jdbc.sql("SELECT action FROM warning_action WHERE warning_id = ? ORDER BY acted_at, id")
                .param(kept.get("id").asString()).query(String.class).list();
        assertThat(actions).containsExactly("RAISED", "EVALUATION_COMPLETED");
    }

    @Test
    void inABatchTheOverrunRecordRaisesSys01AndTheOthersAreEvaluatedNormally() throws Exception {
        JsonNode reply = json(postJson("/api/v1/records/batch", TestRecords.batch(TestRecords.cleanTender("SCH-PADB"),
                paddedTender("SCH-PADB", 200), TestRecords.smallPurchase("SCH-PADB")))
                .andExpect(status().isOk()).andReturn());
        assertThat(reply.get("accepted").asInt()).isEqualTo(3);
        List<String> evaluations = new ArrayList<>();
        List<String> sys = new ArrayList<>();
        for (JsonNode r : reply.get("results")) {
            evaluations.add(r.get("evaluation").asString());
            r.get("warnings").forEach(w -> {
                if (w.get("ruleId").asString().equals("SYS-01")) {
                    sys.add(r.get("recordId").asString());
                }
            });
        }
        assertThat(evaluations).containsExactly("EVALUATED", "EVALUATION_FAILED", "EVALUATED");
        assertThat(sys).containsExactly(reply.get("results").get(1).get("recordId").asString());
    }

    /** A rule that fails on every purchase: its Thresholds condition asks for a threshold nobody configured. */
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

    @Test
    void anEvaluationThatKeepsFailingRaisesSys01AfterItsThirdAttempt() throws Exception {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("broken/TST-01.drl", BROKEN);
        rules.activate(new RuleCompiler().compile(new RuleSource(files, "")));
        double before = incompleteCount("ERROR");
        String recordId = json(postJson("/api/v1/records", TestRecords.smallPurchase("SCH-ERR").toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();
        // a passing fault alarms nobody: the first two attempts only retry
        assertThat(sys01(recordId)).isZero();
        retryNow(recordId);
        assertThat(sys01(recordId)).isZero();
        retryNow(recordId);
        assertThat(jdbc.sql("SELECT attempts FROM record WHERE id = ?").param(recordId).query(Integer.class).single()).isEqualTo(3);
        assertThat(sys01(recordId)).isEqualTo(1);
        String message = jdbc.sql("SELECT message FROM warning WHERE record_id = ? AND rule_id = 'SYS-01'").param(recordId)
                .query(String.class).single();
        assertThat(message).contains("评估连续 3 次失败", "no.such.threshold");
        // at least this record's failure: while the broken rule is active, a background evaluation of any other
        // purchase fails and counts too
        assertThat(incompleteCount("ERROR")).isGreaterThanOrEqualTo(before + 1);
    }

    private void retryNow(String recordId) {
        jdbc.sql("UPDATE record SET next_attempt_at = ? WHERE id = ?").params(LocalDateTime.of(2020, 1, 1, 0, 0), recordId).update();
        background.retryDue();
    }

    private int sys01(String recordId) {
        return jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ? AND rule_id = 'SYS-01'").param(recordId)
                .query(Integer.class).single();
    }

    @Test
    void theBackgroundRetryOfAnOverrunRecordKeepsOneSys01() throws Exception {
        String recordId = json(postJson("/api/v1/records", paddedTender("SCH-PADR", 150).toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();
        jdbc.sql("UPDATE record SET next_attempt_at = ? WHERE id = ?").params(LocalDateTime.of(2020, 1, 1, 0, 0), recordId).update();
        background.retryDue();
        assertThat(jdbc.sql("SELECT status FROM record WHERE id = ?").param(recordId).query(String.class).single())
                .isEqualTo("EVALUATION_FAILED");
        assertThat(jdbc.sql("SELECT attempts FROM record WHERE id = ?").param(recordId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ? AND rule_id = 'SYS-01' AND still_hits = TRUE")
                .param(recordId).query(Integer.class).single()).isEqualTo(1);
    }
}
