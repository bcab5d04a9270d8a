package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * A backtest on a small seeded set: the version lowers the open-tender threshold, excludes competitive
 * negotiation from PRC-01 and escalates at twice the threshold; the differences against the active
 * version are counted by change, rule and organisation, listed, downloadable, and no warning is written.
 */
class BacktestApiTest extends RuleSetApiSupport {

    @Test
    void theDifferencesAgainstTheActiveVersionAreCountedAndListedAndNoWarningIsWritten() throws Exception {
        String org = TestRecords.unique("SCH-BT");
        String twoAndAHalf = post(purchase(org, "2029-03-10T09:00:00+08:00", "2500000.00", "INQUIRY"));
        String oneAndAHalf = post(purchase(org, "2029-03-11T09:00:00+08:00", "1500000.00", "INQUIRY"));
        post(purchase(org, "2029-03-12T09:00:00+08:00", "500000.00", "INQUIRY"));
        // 2029-03-01 07:00 at +08:00 is 2029-02-28 in UTC: its own day is in the range
        String earlyMorning = post(purchase(org, "2029-03-01T07:00:00+08:00", "1200000.00", "INQUIRY"));
        String negotiated = post(purchase(org, "2029-03-31T20:00:00+08:00", "3000000.00", "COMPETITIVE_NEGOTIATION"));
        post(purchase(org, "2029-04-05T09:00:00+08:00", "1500000.00", "INQUIRY"));

        Map<String, String> changes = new HashMap<>();
        changes.put("thresholds.properties", fileOf(originalVersion, "thresholds.properties")
                .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000"));
        changes.put(PRC01, fileOf(originalVersion, PRC01)
                .replaceFirst("method != \"OPEN_TENDER\",", "method != \"OPEN_TENDER\", method != \"COMPETITIVE_NEGOTIATION\",")
                .replace(".evidence(\"awardedOn\", $p.awardedOn());",
                        ".evidence(\"awardedOn\", $p.awardedOn())\n        .escalateIf($p.amount().compareTo($limit.add($limit)) >= 0, 3, \"两倍\");"));
        int version = draft(AUTHOR, changes);
        long warningsBefore = count("warning");

        JsonNode started = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests",
                "{\"from\": \"2029-03-01\", \"to\": \"2029-03-31\"}")
                .andExpect(status().isAccepted()).andExpect(header().exists("Location")).andReturn());
        String path = "/api/v1/rule-sets/" + version + "/backtests/" + started.path("id").asString();
        JsonNode done = awaitDone(path);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("done").asInt()).isEqualTo(done.path("total").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(done.path("failed").asInt()).isZero();
        assertThat(done.path("baselineVersion").asInt()).isEqualTo(originalVersion);
        assertThat(done.path("changes").path("APPEAR").asLong()).isEqualTo(2);
        assertThat(done.path("changes").path("DISAPPEAR").asLong()).isEqualTo(1);
        assertThat(done.path("changes").path("CHANGE").asLong()).isEqualTo(1);
        assertThat(done.path("byRule").path("PRC-01").path("APPEAR").asLong()).isEqualTo(2);
        assertThat(done.path("byOrg").path(org).path("DISAPPEAR").asLong()).isEqualTo(1);
        assertThat(count("warning")).as("a backtest writes no warning").isEqualTo(warningsBefore);

        JsonNode items = json(getAsInspector(path + "/items").andExpect(status().isOk()).andReturn());
        Map<String, String> byRecord = new HashMap<>();
        items.forEach(i -> byRecord.put(i.path("recordId").asString(), i.path("change").asString() + " "
                + i.path("formBefore").asInt(0) + "→" + i.path("formAfter").asInt(0)));
        assertThat(byRecord).containsOnly(Map.entry(oneAndAHalf, "APPEAR 0→2"), Map.entry(earlyMorning, "APPEAR 0→2"),
                Map.entry(negotiated, "DISAPPEAR 2→0"), Map.entry(twoAndAHalf, "CHANGE 2→3"));
        getAsInspector(path + "/items?change=DISAPPEAR").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].recordId").value(negotiated));

        String csv = getAsInspector(path + "/items.csv").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(5);
        assertThat(csv).contains(negotiated).contains("\"DISAPPEAR\"").contains("recordId,externalId,ruleId,change");

        as(AUTHOR, "POST", path + "/cancel", null).andExpect(status().isConflict());
    }

    /** Three chunks of records on the two threads of a backtest: each record judged once, progress counted to the end. */
    @Test
    void everyChunkIsJudgedOnceWhenChunksRunOnTwoThreads() throws Exception {
        String org = TestRecords.unique("SCH-BT2");
        ObjectNode[] purchases = new ObjectNode[130];
        for (int i = 0; i < purchases.length; i++) {
            purchases[i] = purchase(org, "2031-02-%02dT09:%02d:00+08:00".formatted(1 + i % 27, i % 60), "1500000.00", "INQUIRY");
        }
        json(postJson("/api/v1/records/batch", TestRecords.batch(purchases)).andExpect(status().isOk()).andReturn());
        int version = draft(AUTHOR, Map.of("thresholds.properties", fileOf(originalVersion, "thresholds.properties")
                .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000")));

        JsonNode started = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests",
                "{\"from\": \"2031-02-01\", \"to\": \"2031-02-27\"}").andExpect(status().isAccepted()).andReturn());
        JsonNode done = awaitDone("/api/v1/rule-sets/" + version + "/backtests/" + started.path("id").asString());

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("total").asInt()).isEqualTo(130);
        assertThat(done.path("done").asInt()).isEqualTo(130);
        assertThat(done.path("failed").asInt()).isZero();
        assertThat(done.path("byOrg").path(org).path("APPEAR").asLong()).isEqualTo(130);
    }

    @Test
    void aRunningBacktestCanBeCancelledAndBadRangesAreRefused() throws Exception {
        int version = originalVersion;
        String id = lianshao.support.Ids.newId();
        jdbc.sql("""
                INSERT INTO backtest (id, version_no, baseline_no, baseline_version, candidate_version, from_day, to_day, status,
                    total, done, failed, requested_by, created_at) VALUES (?, ?, ?, 'rs-x', 'rs-y', ?, ?, 'RUNNING', 10, 3, 0, ?, ?)""")
                .params(id, version, version, java.time.LocalDate.of(2029, 1, 1), java.time.LocalDate.of(2029, 1, 2), AUTHOR,
                        LocalDateTime.of(2029, 1, 1, 0, 0)).update();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/v1/rule-sets/" + version + "/backtests/" + id)
                        .with(basic(AUTHOR, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests", "{\"from\": \"2029-03-31\", \"to\": \"2029-03-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests", "{\"from\": \"soon\", \"to\": \"2029-03-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        getAsInspector("/api/v1/rule-sets/" + version + "/backtests/" + lianshao.support.Ids.newId()).andExpect(status().isNotFound());
    }

    /**
     * A rule author alone cannot read stored records' personal data through a backtest: a draft whose
     * consequence shows a raw account is refused before any record is loaded, naming the file, the line,
     * the member and its masked form.
     */
    @Test
    void aDraftShowingPersonalDataCannotBeBacktested() throws Exception {
        String rsf04 = "research-fund/RSF-04-money-flowing-back.drl";
        String original = fileOf(originalVersion, rsf04);
        String leaking = original.replaceFirst("\\.evidence\\(\"payeeAccount\", \\$e\\.maskedPayeeAccount\\(\\)\\)",
                ".evidence(\"payeeAccount\", \\$e.payeeAccount())");
        assertThat(leaking).isNotEqualTo(original);
        int version = draft(AUTHOR, Map.of(rsf04, leaking));
        long backtestsBefore = count("backtest");

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests", "{\"from\": \"2029-03-01\", \"to\": \"2029-03-31\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].file").value(rsf04))
                .andExpect(jsonPath("$.errors[0].line").value(original.lines().toList()
                        .indexOf("        .evidence(\"payeeAccount\", $e.maskedPayeeAccount())") + 1))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("ResearchExpense.payeeAccount()"),
                        org.hamcrest.Matchers.containsString("ResearchExpense.maskedPayeeAccount()"))));
        assertThat(count("backtest")).as("no backtest started").isEqualTo(backtestsBefore);
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

    private static ObjectNode purchase(String org, String occurredAt, String amount, String method) {
        ObjectNode record = TestRecords.smallPurchase(org);
        record.put("occurredAt", occurredAt);
        TestRecords.set(record, "payload.amount", Json.parse(amount));
        TestRecords.set(record, "payload.method", method);
        return record;
    }
}
