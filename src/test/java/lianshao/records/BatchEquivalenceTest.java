package lianshao.records;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.evaluation.Context;
import lianshao.facts.RecordFact;
import lianshao.support.Json;

/**
 * A batch is judged as if its records had been posted one by one, in order: the context of a batch is
 * loaded once for all its records, so this checks that each record still sees exactly its own parties,
 * relations, sanctions, earlier records and the warnings raised by the records before it in the batch.
 * The same scenario (fresh schools, parties and references each time) is posted once record by record
 * and once as a single batch, and every record must end with the same rules at the same forms and steps.
 */
@Tag("database")
class BatchEquivalenceTest extends ApiTestSupport {

    @Autowired
    private RecordReplay replay;

    @Autowired
    private ContextLoader contexts;

    @Autowired
    private RecordStore records;

    @Autowired
    private lianshao.rules.ActiveRuleSet rules;

    @Test
    void aBatchRaisesTheSameGradedWarningsAsTheSameRecordsPostedOneByOne() throws Exception {
        List<String> oneByOne = new ArrayList<>();
        for (ObjectNode record : scenario()) {
            JsonNode reply = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
            oneByOne.add(outcome(reply.get("warnings")));
        }

        List<ObjectNode> records = scenario();
        JsonNode batch = json(postJson("/api/v1/records/batch", TestRecords.batch(records.toArray(ObjectNode[]::new)))
                .andExpect(status().isOk()).andReturn());
        List<String> together = new ArrayList<>();
        batch.get("results").forEach(r -> together.add(outcome(r.get("warnings"))));

        assertThat(together).isEqualTo(oneByOne);
        // the scenario is not trivially clean: repetition (G2), relations (G1), sanctions (G3), cumulative
        // benefit (G5) and an earlier warning of the same person in the rule's own conditions all show
        assertThat(String.join(" ", oneByOne)).contains("ADM-07:2[G2]", "G1", "G3", "G5", "RSF-01");
        assertThat(oneByOne.get(oneByOne.size() - 1)).as("second insider fee sees the first one's warning")
                .contains("+prior");
    }

    /**
     * A backtest replays stored records in chunks ({@link RecordReplay#loadAll}): every record must get the context it
     * gets when replayed alone ({@link RecordReplay#load}), earlier records, parties, relations, sanctions and
     * earlier warnings alike.
     */
    @Test
    void storedRecordsReplayedTogetherGetTheContextsTheyGetAlone() throws Exception {
        List<String> ids = postedOneByOne(scenario());

        List<RecordReplay.Replayed> together = replay.loadAll(ids);

        assertThat(together).extracting(RecordReplay.Replayed::recordId).containsExactlyElementsOf(ids);
        for (RecordReplay.Replayed r : together) {
            Context alone = replay.load(r.recordId()).orElseThrow().context();
            Context batch = r.context();
            assertThat(batch.earlierRecords()).as("earlier records of %s", r.recordId()).containsExactlyElementsOf(alone.earlierRecords());
            assertThat(batch.parties()).as("parties").containsExactlyInAnyOrderElementsOf(alone.parties());
            assertThat(batch.orgs()).as("orgs").containsExactlyInAnyOrderElementsOf(alone.orgs());
            assertThat(batch.relations()).as("relations").containsExactlyInAnyOrderElementsOf(alone.relations());
            assertThat(batch.sanctions()).as("sanctions").containsExactlyInAnyOrderElementsOf(alone.sanctions());
            assertThat(batch.priorHits()).as("earlier warnings").containsExactlyElementsOf(alone.priorHits());
            assertThat(batch.admissionPlans()).as("plans").containsExactlyElementsOf(alone.admissionPlans());
            assertThat(batch.calendar()).isEqualTo(alone.calendar());
        }
        // the scenario's contexts are not empty: earlier records, relations, parties and earlier warnings all show
        assertThat(together).anySatisfy(r -> assertThat(r.context().earlierRecords()).isNotEmpty());
        assertThat(together).anySatisfy(r -> assertThat(r.context().relations()).isNotEmpty());
        assertThat(together).anySatisfy(r -> assertThat(r.context().parties()).isNotEmpty());
        assertThat(together).anySatisfy(r -> assertThat(r.context().priorHits()).isNotEmpty());
        assertThat(replay.loadAll(List.of("no-such-record", ids.get(0)))).extracting(RecordReplay.Replayed::recordId)
                .containsExactly(ids.get(0));
    }

    /**
     * The rules judge a record with the earlier warnings of the rules they name only (the catalogue's research-fund rules
     * name RSF-01): exactly those of the whole context's warnings, in the same order.
     */
    @Test
    void earlierWarningsAreLoadedOfTheRulesTheDomainsRulesNameOnly() throws Exception {
        List<String> ids = postedOneByOne(scenario());
        // the principal investigator also approved an out-of-catchment admission: an ADM-07 warning names them
        lianshao.facts.ResearchExpense expense = replay.loadAll(ids).stream().map(RecordReplay.Replayed::fact)
                .filter(lianshao.facts.ResearchExpense.class::isInstance).map(lianshao.facts.ResearchExpense.class::cast)
                .findFirst().orElseThrow();
        postJson("/api/v1/records", outOfCatchment(admission(expense.orgCode(), expense.piRef(), "2026-05-04")).toString())
                .andExpect(status().isCreated()).andExpect(jsonPath("$.warnings[0].ruleId").value("ADM-07"));

        boolean narrowed = false;
        for (RecordReplay.Replayed r : replay.loadAll(ids)) {
            List<lianshao.facts.PriorHit> whole = r.context().priorHits();
            RecordFact fact = r.fact();
            List<lianshao.facts.PriorHit> judged = contexts.prepare(List.of(new ContextLoader.Subject(fact, records.keys(r.recordId()))),
                    ContextLoader.Demand.of(rules.get())).contextOf(fact).priorHits();
            if (fact.domain().equals("RESEARCH_FUND")) {
                assertThat(judged).as("earlier warnings of %s", r.recordId())
                        .containsExactlyElementsOf(whole.stream().filter(h -> h.ruleId().equals("RSF-01")).toList());
                narrowed |= whole.stream().anyMatch(h -> !h.ruleId().equals("RSF-01"));
            } else {
                assertThat(judged).as("no rule of %s matches earlier warnings", fact.domain()).isEmpty();
            }
        }
        assertThat(narrowed).as("the research-fund records' whole contexts hold warnings of other rules").isTrue();
    }

    /**
     * Revisions in a batch: until a revised record is applied, its stored warning counts for the records before it (G2);
     * after, its revised one does, or none when it no longer hits. Each record must be graded as when posted alone.
     */
    @Test
    void revisionsInABatchCountForRepetitionAsStoredUntilAppliedThenAsRevised() throws Exception {
        List<String> oneByOne = new ArrayList<>();
        for (ObjectNode record : revisions()) {
            JsonNode reply = json(postJson("/api/v1/records", record.toString()).andReturn());
            oneByOne.add(counts(reply.get("warnings")));
        }

        List<ObjectNode> records = revisions();
        JsonNode batch = json(postJson("/api/v1/records/batch", TestRecords.batch(records.toArray(ObjectNode[]::new)))
                .andExpect(status().isOk()).andReturn());
        List<String> together = new ArrayList<>();
        batch.get("results").forEach(r -> together.add(counts(r.get("warnings"))));

        assertThat(together).isEqualTo(oneByOne);
        // G2 looks back 12 months: r3 counts r1 and r2 as stored (r1 is revised only after it) · r1 no longer hits
        // ADM-07 · r4 counts r2 and r3, not r1 as revised · r2 revised counts r1, which no longer hits · r5 counts r2 to r4
        assertThat(oneByOne).extracting(o -> o.replaceAll("ADM-01:\\d+ ?", "").strip())
                .containsExactly("ADM-07:3", "", "ADM-07:3", "ADM-07:1", "ADM-07:4");
        // the revision that hits as before keeps the subject rows of its warnings
        JsonNode revised = batch.get("results").get(3);
        int subjects = 0;
        for (JsonNode w : revised.get("warnings")) {
            subjects += w.get("stillHits").asBoolean() ? w.get("subjectRefs").size() : 0;
        }
        assertThat(subjects).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_subject s JOIN warning w ON w.id = s.warning_id"
                + " WHERE s.record_id = ? AND w.still_hits = TRUE").param(revised.get("recordId").asString()).query(Long.class).single())
                .isEqualTo((long) subjects);
    }

    /**
     * G2 counts earlier hits up to {@code PRIOR_HITS_COUNTED} (20), reading no more of them: an approver hit 27 times
     * is told "more than 20". A record of the same batch dated before most of those hits still gets its exact count,
     * though the hits read for the later record filled the count before reaching its window.
     */
    @Test
    void repetitionIsCountedUpToTwentyAndExactlyBelowThatInABatchToo() throws Exception {
        List<String> oneByOne = new ArrayList<>();
        for (ObjectNode record : manyRepetitions()) {
            JsonNode reply = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
            oneByOne.add(g2Reason(reply.get("warnings")));
        }

        List<ObjectNode> records = manyRepetitions();
        JsonNode batch = json(postJson("/api/v1/records/batch", TestRecords.batch(records.toArray(ObjectNode[]::new)))
                .andExpect(status().isOk()).andReturn());
        List<String> together = new ArrayList<>();
        batch.get("results").forEach(r -> together.add(g2Reason(r.get("warnings"))));

        assertThat(together).isEqualTo(oneByOne);
        assertThat(oneByOne.get(0)).contains("命中 超过 20 次");
        assertThat(oneByOne.get(1)).contains("命中 4 次");
    }

    /** 3 out-of-catchment admissions of one approver in January, 24 in June, posted; then June 30th and January 10th. */
    private List<ObjectNode> manyRepetitions() throws Exception {
        String school = unique("SCH");
        String approver = unique("APP");
        List<ObjectNode> earlier = new ArrayList<>();
        for (int day = 5; day <= 7; day++) {
            earlier.add(outOfCatchment(admission(school, approver, "2026-01-%02d".formatted(day))));
        }
        for (int day = 1; day <= 24; day++) {
            earlier.add(outOfCatchment(admission(school, approver, "2026-06-%02d".formatted(day))));
        }
        postJson("/api/v1/records/batch", TestRecords.batch(earlier.toArray(ObjectNode[]::new))).andExpect(status().isOk());
        return List.of(outOfCatchment(admission(school, approver, "2026-06-30")),
                outOfCatchment(admission(school, approver, "2026-01-10")));
    }

    /** The reason of ADM-07's G2 step, the approver's reference left out ("" when there is none). */
    private static String g2Reason(JsonNode warnings) {
        for (JsonNode w : warnings) {
            for (JsonNode step : w.get("grading").get("steps")) {
                if (w.get("ruleId").asString().equals("ADM-07") && step.get("step").asString().equals("G2")) {
                    // each run has its own approver
                    return step.get("reason").asString().replaceAll("APP-\\w+", "APP");
                }
            }
        }
        return "";
    }

    /**
     * Two out-of-catchment admissions of one approver posted first (r1, r2), then, to be compared: r3, r1 revised so that
     * it no longer hits, r4, r2 revised with another guardian (the same hit and subject), r5.
     */
    private List<ObjectNode> revisions() throws Exception {
        String school = unique("SCH");
        String approver = unique("APP");
        ObjectNode r1 = outOfCatchment(admission(school, approver, "2026-03-02"));
        ObjectNode r2 = outOfCatchment(admission(school, approver, "2026-03-05"));
        for (ObjectNode record : List.of(r1, r2)) {
            postJson("/api/v1/records", record.toString()).andExpect(status().isCreated());
        }
        ObjectNode r1Revised = r1.deepCopy();
        payload(r1Revised).put("residenceDistrict", "东城区");
        ObjectNode r2Revised = r2.deepCopy();
        payload(r2Revised).set("guardianRefs", Json.parse("[\"" + unique("G") + "\"]"));
        return List.of(outOfCatchment(admission(school, approver, "2026-04-01")), r1Revised,
                outOfCatchment(admission(school, approver, "2026-04-10")), r2Revised,
                outOfCatchment(admission(school, approver, "2026-04-20")));
    }

    /** Per rule, the G2 count (hits of the rule on the subject in the window, this one included): "ADM-07:3". */
    private static String counts(JsonNode warnings) {
        TreeMap<String, String> byRule = new TreeMap<>();
        warnings.forEach(w -> {
            String count = "1";
            for (JsonNode step : w.get("grading").get("steps")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("命中 (\\d+) 次").matcher(step.get("reason").asString());
                if (step.get("step").asString().equals("G2") && m.find()) {
                    count = m.group(1);
                }
            }
            byRule.put(w.get("ruleId").asString(), w.get("stillHits").asBoolean() ? count : "gone");
        });
        StringBuilder text = new StringBuilder();
        byRule.forEach((rule, count) -> text.append(text.isEmpty() ? "" : " ").append(rule).append(':').append(count));
        return text.toString();
    }

    /** Records whose judgement depends on each other, on reference data and on earlier warnings. */
    /** Posts the records one at a time, each new; their record ids in order. */
    private List<String> postedOneByOne(List<ObjectNode> records) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ObjectNode record : records) {
            ids.add(json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                    .get("recordId").asString());
        }
        return ids;
    }

    private List<ObjectNode> scenario() throws Exception {
        String school = unique("SCH");
        for (String stage : List.of("PRIMARY", "SENIOR")) {
            putJson("/api/v1/admission-plans/" + school + "/2026/" + stage, "{ \"quota\": 300 }").andExpect(status().isCreated());
        }
        List<ObjectNode> records = new ArrayList<>();
        // G2: the same approver hit by ADM-07 twice
        String approver = unique("APP");
        records.add(outOfCatchment(admission(school, approver, "2026-03-02")));
        records.add(admission(school, approver, "2026-03-03"));
        records.add(outOfCatchment(admission(school, approver, "2026-09-01")));
        // G1: bonus points for the approver's sibling (a relation)
        String relative = unique("APP");
        ObjectNode bonus = admission(school, relative, "2026-07-20");
        String guardian = payload(bonus).get("guardianRefs").get(0).asString();
        postJson("/api/v1/relations", "{ \"fromRef\": \"%s\", \"toRef\": \"%s\", \"kind\": \"SIBLING\" }".formatted(relative, guardian))
                .andExpect(status().isCreated());
        payload(bonus).put("stage", "SENIOR").put("admissionType", "BONUS_POINTS").put("examScore", 600).put("cutoffScore", 590)
                .set("bonusItems", Json.parse("[ { \"type\": \"市级优秀学生干部\", \"points\": 5, \"publicized\": false } ]"));
        records.add(bonus);
        // G3: an approver inside a sanction period
        String sanctioned = unique("APP");
        postJson("/api/v1/sanctions", """
                { "subjectRef": "%s", "kind": "GOVERNMENT_SANCTION", "form": 2, "start": "2026-01-01", "end": "2026-12-31" }"""
                .formatted(sanctioned)).andExpect(status().isCreated());
        records.add(outOfCatchment(admission(school, sanctioned, "2026-07-10")));
        // G5: benefits of one payee adding up across three records
        String payee = unique("P");
        putJson("/api/v1/parties/" + payee, """
                { "kind": "PERSON", "name": "招生办副主任", "orgCode": "%s", "roles": ["STAFF"] }""".formatted(school))
                .andExpect(status().isCreated());
        records.add(selectionFee(school, payee, "12000.00", "2026-06-20"));
        records.add(selectionFee(school, payee, "12000.00", "2026-07-01"));
        records.add(selectionFee(school, payee, "8000.00", "2026-07-12"));
        // RSF-01 counts the principal investigator's earlier RSF-01 warnings (PriorHit in the context)
        String pi = unique("PI");
        String member = unique("M");
        records.add(insiderFee(school, pi, member, "2026-06-10"));
        records.add(insiderFee(school, pi, member, "2026-06-20"));
        return records;
    }

    /** Rules, forms and steps of the warnings that still hit, sorted by rule: "ADM-07:2[G2]". */
    private static String outcome(JsonNode warnings) {
        TreeMap<String, String> byRule = new TreeMap<>();
        warnings.forEach(w -> {
            List<String> steps = new ArrayList<>();
            w.get("grading").get("steps").forEach(s -> steps.add(s.get("step").asString()));
            byRule.put(w.get("ruleId").asString(), w.get("form").asInt() + steps.toString().replace(" ", "")
                    + (w.get("message").asString().contains("此前已被预警") ? "+prior" : ""));
        });
        StringBuilder text = new StringBuilder();
        byRule.forEach((rule, form) -> text.append(text.isEmpty() ? "" : " ").append(rule).append(':').append(form));
        return text.toString();
    }

    private static ObjectNode admission(String school, String approver, String admittedOn) {
        return TestRecords.regularAdmission(school, approver, admittedOn);
    }

    private static ObjectNode outOfCatchment(ObjectNode admission) {
        payload(admission).put("residenceDistrict", "南山区");
        return admission;
    }

    private static ObjectNode selectionFee(String school, String payee, String amount, String admittedOn) {
        ObjectNode record = admission(school, unique("APP"), admittedOn);
        String guardian = payload(record).get("guardianRefs").get(0).asString();
        payload(record).set("fees", Json.parse("""
                [ { "type": "SELECTION_FEE", "amount": %s, "paidOn": "%s", "payerRef": "%s", "payeeRef": "%s" } ]"""
                .formatted(amount, admittedOn, guardian, payee)));
        return record;
    }

    /** An expert consultation fee paid to a member of the project itself: RSF-01, subject the PI. */
    private static ObjectNode insiderFee(String school, String pi, String member, String paidOn) {
        return TestRecords.envelope("RESEARCH_FUND", school, paidOn + "T10:00:00+08:00", """
                { "projectCode": "%s", "projectStart": "2026-01-01", "projectEnd": "2026-12-31", "piRef": "%s",
                  "memberRefs": ["%s"], "budgetLine": "EXPERT_CONSULTATION", "budgetLineAmount": 50000, "amount": 2000,
                  "payeeRef": "%s", "payeeSalaried": false, "expenseType": "NORMAL", "paidOn": "%s",
                  "paymentMethod": "BANK_TRANSFER", "description": "咨询服务费", "expertTitleLevel": "SENIOR", "expertDays": 1 }"""
                .formatted(unique("KY"), pi, member, member, paidOn));
    }

    private static ObjectNode payload(ObjectNode record) {
        return (ObjectNode) record.get("payload");
    }
}
