package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;
import lianshao.records.RecordReplay;
import lianshao.support.Json;

/**
 * A backtest judges only what a draft changes, and finds exactly the differences that judging every record with both
 * whole versions finds: for a changed threshold, for one rule's changed conditions and for a change to what a file's
 * rules share (which judges everything), on stored records of several domains.
 */
class BacktestNarrowingTest extends RuleSetApiSupport {

    @Autowired
    Backtests backtests;
    @Autowired
    RecordReplay replay;

    private final List<String> records = new ArrayList<>();
    private String org;

    @BeforeEach
    void recordsOfSeveralDomains() throws Exception {
        org = TestRecords.unique("SCH-BN");
        records.clear();
        for (String[] purchase : new String[][] {{"2500000.00", "INQUIRY"}, {"1500000.00", "INQUIRY"}, {"500000.00", "INQUIRY"},
                {"3000000.00", "COMPETITIVE_NEGOTIATION"}, {"1200000.00", "COMPETITIVE_NEGOTIATION"}, {"2100000.00", "OPEN_TENDER"}}) {
            ObjectNode record = TestRecords.smallPurchase(org);
            TestRecords.set(record, "payload.amount", Json.parse(purchase[0]));
            TestRecords.set(record, "payload.method", purchase[1]);
            records.add(post(record));
        }
        records.add(post(TestRecords.cleanTender(org)));
        ObjectNode invited = TestRecords.cleanTender(org);
        TestRecords.set(invited, "payload.procedure", "INVITED");
        records.add(post(invited));
        records.add(post(TestRecords.recruitment(org)));
        records.add(post(TestRecords.researchExpense(org)));
        records.add(post(TestRecords.regularAdmission(org, TestRecords.unique("APP"), "2026-08-20")));
    }

    @Test
    void aChangedThresholdIsJudgedOnTheRulesReadingItAndFindsWhatTheWholeVersionsFind() throws Exception {
        int version = draft(AUTHOR, Map.of("thresholds.properties", fileOf(originalVersion, "thresholds.properties")
                .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000")));
        BacktestComparison comparison = backtests.comparison(version);

        assertThat(comparison.changes().everything()).isFalse();
        assertThat(comparison.changes().ruleIds()).contains("PRC-01").doesNotContain("PRC-04", "REC-01");
        assertThat(differencesAsTheWholeVersionsFindThem(comparison)).as("differences found").isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneRulesChangedConditionsAreJudgedOnThatRuleAndFindWhatTheWholeVersionsFind() throws Exception {
        int version = draft(AUTHOR, Map.of(PRC01, fileOf(originalVersion, PRC01)
                .replaceFirst("method != \"OPEN_TENDER\",", "method != \"OPEN_TENDER\", method != \"COMPETITIVE_NEGOTIATION\",")));
        BacktestComparison comparison = backtests.comparison(version);

        assertThat(comparison.changes().everything()).isFalse();
        assertThat(comparison.changes().ruleIds()).containsExactly("PRC-01");
        assertThat(comparison.affects("TENDER")).isFalse();
        assertThat(differencesAsTheWholeVersionsFindThem(comparison)).as("differences found").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aChangeToWhatAFilesRulesShareJudgesEverything() throws Exception {
        int version = draft(AUTHOR, Map.of(
                PRC01, fileOf(originalVersion, PRC01).replace("import lianshao.facts.*;", "import lianshao.facts.*;\nimport java.util.List;"),
                "thresholds.properties", fileOf(originalVersion, "thresholds.properties")
                        .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000")));
        BacktestComparison comparison = backtests.comparison(version);

        assertThat(comparison.changes().everything()).isTrue();
        assertThat(comparison.changes().fallback()).contains(PRC01);
        assertThat(comparison.affects("RECRUITMENT")).isTrue();
        assertThat(differencesAsTheWholeVersionsFindThem(comparison)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBacktestSaysHowManyRecordsItSkippedAndWhichRulesItJudged() throws Exception {
        int version = draft(AUTHOR, Map.of(PRC01, fileOf(originalVersion, PRC01)
                .replaceFirst("method != \"OPEN_TENDER\",", "method != \"OPEN_TENDER\", method != \"COMPETITIVE_NEGOTIATION\",")));

        JsonNode started = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests",
                "{\"from\": \"2026-04-01\", \"to\": \"2026-09-01\"}").andExpect(status().isAccepted()).andReturn());
        String path = "/api/v1/rule-sets/" + version + "/backtests/" + started.path("id").asString();
        JsonNode done = awaitDone(path);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("judgedRules").toString()).isEqualTo("[\"PRC-01\"]");
        assertThat(done.path("skipped").asInt()).as("the tenders, recruitment, research expense and admission at least")
                .isGreaterThanOrEqualTo(5).isLessThan(done.path("total").asInt());
        assertThat(done.path("done").asInt()).isEqualTo(done.path("total").asInt());
        assertThat(done.path("byRule").path("PRC-01").path("DISAPPEAR").asLong()).isGreaterThanOrEqualTo(1);

        String page = as(AUTHOR, "GET", "/rule-sets/" + version + "/backtests/" + started.path("id").asString(), null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("仅判定改动涉及的规则：PRC-01").contains("条记录所属领域不受改动影响");
    }

    /**
     * Asserts that on every stored record the comparison finds the differences both whole versions find, and that a
     * record of a domain it skips has none; returns how many differences there are.
     */
    private int differencesAsTheWholeVersionsFindThem(BacktestComparison comparison) {
        int found = 0;
        List<String> domains = new ArrayList<>();
        for (RecordReplay.Replayed r : replay.loadAll(records)) {
            List<BacktestItem> whole = comparison.whole(r);
            assertThat(comparison.differences(r)).as(r.domain() + " " + r.externalId()).containsExactlyInAnyOrderElementsOf(whole);
            if (!comparison.affects(r.domain())) {
                assertThat(whole).as("a skipped " + r.domain() + " record has no difference").isEmpty();
            }
            domains.add(r.domain());
            found += whole.size();
        }
        assertThat(domains).contains("PROCUREMENT", "TENDER", "RECRUITMENT", "RESEARCH_FUND", "ADMISSION");
        return found;
    }

    private JsonNode awaitDone(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode view = json(getAsInspector(path).andExpect(status().isOk()).andReturn());
            if (!view.path("status").asString().equals("RUNNING") || System.currentTimeMillis() > deadline) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    private String post(ObjectNode record) throws Exception {
        return json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .path("recordId").asString();
    }
}
