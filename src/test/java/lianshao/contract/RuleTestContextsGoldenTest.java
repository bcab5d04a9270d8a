package lianshao.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

import lianshao.authoring.RuleTestCase;
import lianshao.authoring.RuleTestRunner;
import lianshao.evaluation.Context;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.Hit;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Sanction;
import lianshao.records.ProductionContexts;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;

/**
 * Measures, and pins in {@code golden/rule-test-contexts.txt}, how the context a rule test gives a record differs
 * from what production context loading would give it, so that running rule tests through production loading can
 * be checked against today. Apart from {@link DomainGoldenTest} because it compiles the rule set; updated the
 * same way ({@code -Dgolden.update=true}).
 */
class RuleTestContextsGoldenTest {

    /**
     * A rule test puts its whole context in the session; production loads only what {@code ContextLoader} finds
     * for the record (earlier records sharing a context key of {@code RecordKeys}, the parties two relations out
     * from those the record names and its leaders, their sanctions and warnings, the record's own organisation
     * and plan). For every case this lists the test's facts production would not load if the case's context had
     * been stored, and whether the rule under test would then decide otherwise.
     */
    @Test
    void ruleTestContextsAgainstProductionLoading() {
        RuleSet ruleSet = new RuleCompiler().compile(RuleSource.readFolder(GoldenInputs.RULES));
        try (Evaluator evaluator = new Evaluator(new RulesSettings(GoldenInputs.RULES, 10_000, Duration.ofSeconds(5)),
                new SimpleMeterRegistry())) {
            RuleTestRunner runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
            List<String> details = new ArrayList<>();
            int total = 0;
            int differing = 0;
            int changed = 0;
            int silenced = 0;
            int othersChanged = 0;
            int revisions = 0;
            Map<String, Integer> byKind = new java.util.TreeMap<>();
            int[] earlierCounts = new int[2];
            for (RuleTestCase c : GoldenInputs.cases()) {
                total++;
                RuleTestRunner.Prepared test = runner.prepare(c);
                List<JsonNode> earlier = new ArrayList<>();
                c.context().path("records").forEach(earlier::add);
                List<String> earlierIds = test.context().earlierRecords().stream().map(RecordFact::recordId).toList();
                ProductionContexts.Loaded loaded = ProductionContexts.load(test.record(), c.record(), earlier, earlierIds,
                        test.context());
                Map<String, List<String>> testOnly = testOnly(test.context(), loaded.context());
                earlierCounts[0] += test.context().earlierRecords().size();
                earlierCounts[1] += loaded.context().earlierRecords().size();
                testOnly.forEach((kind, facts) -> byKind.merge(kind, 1, Integer::sum));
                if (loaded.revisionsReplaced() > 0) {
                    revisions++;
                }
                List<Hit> hitsTest = evaluator.evaluate(ruleSet, test.record(), test.context()).hits();
                List<Hit> hitsProd = evaluator.evaluate(ruleSet, test.record(), loaded.context()).hits();
                String outcomeTest = outcome(hitsTest, c.ruleId());
                String outcomeProd = outcome(hitsProd, c.ruleId());
                boolean outcomeChanges = !outcomeTest.equals(outcomeProd);
                Set<String> firedTest = fired(hitsTest);
                Set<String> firedProd = fired(hitsProd);
                boolean otherRulesChange = !firedTest.equals(firedProd);
                if (otherRulesChange) {
                    othersChanged++;
                }
                if (testOnly.isEmpty() && !outcomeChanges && !otherRulesChange && loaded.revisionsReplaced() == 0) {
                    continue;
                }
                if (!testOnly.isEmpty()) {
                    differing++;
                }
                details.add(c.file() + " › " + c.name() + " (expects " + (c.expect().path("fires").asBoolean(false)
                        ? "fires" : "silent") + ")");
                testOnly.forEach((kind, facts) -> details.add("  test only, " + kind + ": " + String.join(", ", facts)));
                if (loaded.revisionsReplaced() > 0) {
                    details.add("  stored as revisions: " + loaded.revisionsReplaced() + " context record(s) share source "
                            + "and externalId with a later one or with the record");
                }
                if (outcomeChanges) {
                    changed++;
                    if (outcomeTest.startsWith("fires") && outcomeProd.equals("silent")) {
                        silenced++;
                    }
                    details.add("  " + c.ruleId() + " in the rule test: " + outcomeTest + "; with production loading: "
                            + outcomeProd);
                }
                if (otherRulesChange) {
                    details.add("  rules firing in the rule test: " + firedTest + "; with production loading: " + firedProd);
                }
            }
            List<String> out = new ArrayList<>();
            out.add("# rule test cases whose context differs from what production context loading would load");
            out.add("cases: " + total);
            out.add("earlier records in the cases: " + earlierCounts[0] + ", of which production would load: "
                    + earlierCounts[1]);
            out.add("cases with facts production would not load: " + differing);
            byKind.forEach((kind, n) -> out.add("  of which with test-only " + kind + ": " + n));
            out.add("cases whose context records production would store as revisions of one another: " + revisions);
            out.add("cases where the rule under test decides otherwise with production loading: " + changed);
            out.add("  of which it fires in the test and is silent with production loading: " + silenced);
            out.add("cases where the set of rules firing on the record differs with production loading: " + othersChanged);
            out.add("");
            out.addAll(details);
            GoldenFiles.check("rule-test-contexts.txt", String.join("\n", out));
        }
    }

    /** The facts of the rule test's context that the production context lacks, by kind. */
    private static Map<String, List<String>> testOnly(Context test, Context production) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        missing(out, "earlier records", test.earlierRecords(), production.earlierRecords(), RecordFact::recordId);
        missing(out, "parties", test.parties(), production.parties(), Party::id);
        missing(out, "orgs", test.orgs(), production.orgs(), Org::code);
        missing(out, "relations", test.relations(), production.relations(),
                r -> r.fromRef() + "-" + r.kind() + "-" + r.toRef());
        missing(out, "sanctions", test.sanctions(), production.sanctions(), Sanction::subjectRef);
        missing(out, "prior hits", test.priorHits(), production.priorHits(), h -> h.subjectRef() + "/" + h.ruleId());
        missing(out, "admission plans", test.admissionPlans(), production.admissionPlans(),
                p -> p.orgCode() + "/" + p.year() + "/" + p.stage());
        int days = test.calendar().holidays().size() + test.calendar().workdays().size();
        int loaded = production.calendar().holidays().size() + production.calendar().workdays().size();
        if (days > loaded) {
            out.put("calendar days", List.of(String.valueOf(days - loaded)));
        }
        return out;
    }

    private static <T> void missing(Map<String, List<String>> out, String kind, List<T> test, List<T> production,
            java.util.function.Function<T, String> name) {
        Set<String> loaded = production.stream().map(name).collect(Collectors.toSet());
        List<String> absent = test.stream().map(name).filter(n -> !loaded.contains(n)).distinct().toList();
        if (!absent.isEmpty()) {
            out.put(kind, absent);
        }
    }

    private static Set<String> fired(List<Hit> hits) {
        return hits.stream().map(Hit::ruleId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Whether the rule fires, and if so at which escalated form and on whom (order-free). */
    private static String outcome(List<Hit> hits, String ruleId) {
        return hits.stream().filter(h -> h.ruleId().equals(ruleId)).findFirst()
                .map(h -> "fires (G1 form " + h.escalatedForm() + ", subjects " + new java.util.TreeSet<>(h.subjects()) + ")")
                .orElse("silent");
    }
}
