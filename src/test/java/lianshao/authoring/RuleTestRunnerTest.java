package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.contract.ContractValidator;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.Hit;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.facts.Sanction;
import lianshao.records.EvaluationSettings;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;
import lianshao.support.Json;

/**
 * A rule test gives its record only what production context loading would load for it: a rule cannot pass its
 * test on an earlier record, a party, a sanction or a warning it would never see in production.
 */
class RuleTestRunnerTest {

    private static final Path RULES = Path.of("rules");
    private static final String TEN02 = "tender/TEN-02-project-split.test.json";
    private static RuleSet ruleSet;
    private static Evaluator evaluator;
    private static RuleTestRunner runner;

    @BeforeAll
    static void compile() {
        ruleSet = new RuleCompiler().compile(RuleSource.readFolder(RULES));
        evaluator = new Evaluator(new RulesSettings(RULES, 10_000, Duration.ofSeconds(5)), new SimpleMeterRegistry());
        runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    /**
     * TEN-02's first case (two earlier pieces E1 and E2 of the project, then a third) twice: as written, and with
     * E1 and E2 recorded later on the record's own day. TEN-02 counts pieces of the same day, but production loads
     * only records that occurred before the record, so the second case cannot fire.
     */
    static String tenderSplitTests() {
        ObjectNode file;
        try {
            file = (ObjectNode) Json.parse(Files.readString(RULES.resolve(TEN02)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode records = (ArrayNode) ((ObjectNode) file.get("context")).remove("records");
        ObjectNode first = (ObjectNode) file.get("cases").get(0);
        String occurredAt = first.get("record").get("occurredAt").asString();
        ArrayNode before = Json.MAPPER.createArrayNode();
        ArrayNode laterThatDay = Json.MAPPER.createArrayNode();
        int hours = 8;
        for (JsonNode record : records) {
            String id = record.get("externalId").asString();
            if (id.equals("E1") || id.equals("E2")) {
                before.add(record.deepCopy());
                ObjectNode later = (ObjectNode) record.deepCopy();
                later.put("occurredAt", OffsetDateTime.parse(occurredAt).plusHours(hours++)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                laterThatDay.add(later);
            }
        }
        ObjectNode asWritten = first.deepCopy();
        asWritten.put("name", "E1 and E2 before the record: fires");
        asWritten.putObject("context").set("records", before);
        ObjectNode later = first.deepCopy();
        later.put("name", "E1 and E2 later on the record's day: production does not load them");
        later.putObject("context").set("records", laterThatDay);
        file.putArray("cases").add(asWritten).add(later);
        return Json.write(file);
    }

    private static List<RuleTestCase> cases() {
        return RuleTestFiles.parse(TEN02, tenderSplitTests());
    }

    @Test
    void anEarlierRecordProductionWouldNotLoadIsNotInTheTest() {
        List<RuleTestCase> cases = cases();

        assertThat(runner.run(ruleSet, cases.get(0)).failures()).isEmpty();
        CaseResult later = runner.run(ruleSet, cases.get(1));

        assertThat(later.passed()).isFalse();
        assertThat(later.failures()).containsExactly("TEN-02 did not fire");
        RuleTestRunner.Prepared prepared = runner.prepare(cases.get(1));
        assertThat(prepared.written().earlierRecords()).hasSize(2);
        assertThat(prepared.context().earlierRecords()).isEmpty();
    }

    @Test
    void theBoundsOfProductionLoadingApply() {
        EvaluationSettings d = EvaluationSettings.defaults();
        EvaluationSettings oneEarlierRecord = new EvaluationSettings(d.lookbackYears(), 1, d.maxRelations(), d.pendingGrace(),
                d.retryBackoff(), d.maxRetryBackoff(), d.workerBatch(), d.maxReevaluationsPerChange(),
                d.failuresBeforeWarning(), d.lateArrivalDelay(), d.lateArrivalInterval(), d.importHoldLimit());
        RuleTestRunner bounded = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator(), oneEarlierRecord);
        RuleTestCase asWritten = cases().get(0);

        assertThat(bounded.prepare(asWritten).context().earlierRecords()).extracting(RecordFact::externalId)
                .containsExactly("E2");
        assertThat(bounded.run(ruleSet, asWritten).failures()).containsExactly("TEN-02 did not fire");
    }

    @Test
    void referenceDataAndWarningsAreThoseOfTheRecordsOwnPartiesAndOrganisation() {
        RuleTestCase c = cases().get(0);
        ObjectNode context = (ObjectNode) c.context().deepCopy();
        JsonNode extra = Json.parse("""
                {"orgs": [{"orgCode": "SCH-ELSE", "name": "别校", "type": "SCHOOL", "district": "东城区"}],
                 "parties": [{"partyId": "P-APP", "name": "审批人"}, {"partyId": "P-FAR", "name": "无关人员"}],
                 "sanctions": [{"subjectRef": "P-APP", "kind": "WARNING", "form": 1, "start": "2025-01-01"},
                               {"subjectRef": "P-FAR", "kind": "WARNING", "form": 1, "start": "2025-01-01"}],
                 "priorHits": [{"subjectRef": "P-APP", "ruleId": "TEN-03", "occurredOn": "2026-01-05"},
                               {"subjectRef": "P-FAR", "ruleId": "TEN-03", "occurredOn": "2026-01-05"},
                               {"subjectRef": "P-APP", "ruleId": "TEN-05", "occurredOn": "2019-01-05"}]}""");
        extra.properties().forEach(e -> {
            ArrayNode list = context.has(e.getKey()) ? (ArrayNode) context.get(e.getKey()) : context.putArray(e.getKey());
            e.getValue().forEach(list::add);
        });
        RuleTestRunner.Prepared prepared = runner.prepare(new RuleTestCase(c.file(), c.ruleId(), c.name(), c.record(), context,
                c.expect()));

        assertThat(prepared.context().orgs()).extracting(Org::code).containsExactly("SCH-T01");
        assertThat(prepared.context().parties()).extracting(Party::id).containsExactly("P-APP");
        assertThat(prepared.context().sanctions()).extracting(Sanction::subjectRef).containsExactly("P-APP");
        // beyond the five years production looks back, the 2019 warning is not loaded either
        assertThat(prepared.context().priorHits()).extracting(PriorHit::ruleId, PriorHit::subjectRef)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TEN-03", "P-APP"));
        assertThat(prepared.written().parties()).extracting(Party::id).containsExactly("P-APP", "P-FAR");
        assertThat(prepared.written().priorHits()).hasSize(3);
    }

    @Test
    void adHocRecordsOfADraftTestAreLoadedTheSameWay() {
        List<RuleTestCase> cases = cases();

        List<Hit> asWritten = runner.evaluate(ruleSet, cases.get(0).record(), cases.get(0).context());
        List<Hit> later = runner.evaluate(ruleSet, cases.get(1).record(), cases.get(1).context());

        assertThat(asWritten).extracting(Hit::ruleId).contains("TEN-02");
        assertThat(later).extracting(Hit::ruleId).doesNotContain("TEN-02");
    }
}
