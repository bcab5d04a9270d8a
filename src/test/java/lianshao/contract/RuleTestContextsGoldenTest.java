package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Rule tests load their contexts as production does ({@code RuleTestRunner} selects each case's context with
 * {@code ContextLoader} over the case's context held in memory). This checks that claim against an independent
 * model of production, {@link ProductionContexts} (the case's context stored in the tables, answered with the
 * filters of their SQL, and loaded through the loader's database path), and pins in
 * {@code golden/rule-test-contexts.txt} which facts each case writes that production does not load for its record
 * (the rules never see them), and whether the rule under test would decide otherwise if it saw them. Apart from
 * {@link DomainGoldenTest} because it compiles the rule set; updated the same way ({@code -Dgolden.update=true}).
 */
class RuleTestContextsGoldenTest {

    private static RuleSet ruleSet;
    private static Evaluator evaluator;
    private static RuleTestRunner runner;

    @BeforeAll
    static void compile() {
        ruleSet = new RuleCompiler().compile(RuleSource.readFolder(GoldenInputs.RULES));
        evaluator = new Evaluator(new RulesSettings(GoldenInputs.RULES, 10_000, Duration.ofSeconds(5)), new SimpleMeterRegistry());
        runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    /**
     * Every case's record is judged on exactly the facts production would load for it had the case's context been
     * stored: same earlier records, parties, organisations, relations, sanctions, prior hits, plans and calendar days,
     * so no rule test can pass on a fact production would not load.
     */
    @Test
    void everyRuleTestCaseIsJudgedOnTheContextProductionLoads() {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (RuleTestCase c : GoldenInputs.cases()) {
            cases++;
            RuleTestRunner.Prepared test = runner.prepare(c);
            Map<String, List<String>> inTest = facts(test.context());
            Map<String, List<String>> inProduction = facts(production(c, test).context());
            if (!inTest.equals(inProduction)) {
                mismatches.add(c.file() + " › " + c.name() + ": the rule test has " + difference(inTest, inProduction)
                        + " that production does not load; production loads " + difference(inProduction, inTest)
                        + " that the rule test lacks");
            }
        }
        assertThat(cases).isGreaterThan(400);
        assertThat(mismatches).isEmpty();
    }

    /**
     * For every case this lists the facts its context writes that production would not load for the record (and so
     * the rule test does not give it), and whether the rule under test, or any rule, would decide otherwise if the
     * whole written context were in the session: a case listed with two outcomes is one whose written data says
     * more than its rule sees.
     */
    @Test
    void factsRuleTestsWriteThatProductionDoesNotLoad() {
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
            Map<String, List<String>> unloaded = absent(test.written(), test.context());
            earlierCounts[0] += test.written().earlierRecords().size();
            earlierCounts[1] += test.context().earlierRecords().size();
            unloaded.forEach((kind, facts) -> byKind.merge(kind, 1, Integer::sum));
            int replaced = production(c, test).revisionsReplaced();
            if (replaced > 0) {
                revisions++;
            }
            List<Hit> hitsWritten = evaluator.evaluate(ruleSet, test.record(), test.written()).hits();
            List<Hit> hitsLoaded = evaluator.evaluate(ruleSet, test.record(), test.context()).hits();
            String outcomeWritten = outcome(hitsWritten, c.ruleId());
            String outcomeLoaded = outcome(hitsLoaded, c.ruleId());
            boolean outcomeChanges = !outcomeWritten.equals(outcomeLoaded);
            Set<String> firedWritten = fired(hitsWritten);
            Set<String> firedLoaded = fired(hitsLoaded);
            boolean otherRulesChange = !firedWritten.equals(firedLoaded);
            if (otherRulesChange) {
                othersChanged++;
            }
            if (unloaded.isEmpty() && !outcomeChanges && !otherRulesChange && replaced == 0) {
                continue;
            }
            if (!unloaded.isEmpty()) {
                differing++;
            }
            details.add(c.file() + " › " + c.name() + " (expects " + (c.expect().path("fires").asBoolean(false)
                    ? "fires" : "silent") + ")");
            unloaded.forEach((kind, facts) -> details.add("  not loaded, " + kind + ": " + String.join(", ", facts)));
            if (replaced > 0) {
                details.add("  stored as revisions: " + replaced + " context record(s) share source "
                        + "and externalId with a later one or with the record");
            }
            if (outcomeChanges) {
                changed++;
                if (outcomeWritten.startsWith("fires") && outcomeLoaded.equals("silent")) {
                    silenced++;
                }
                details.add("  " + c.ruleId() + " as loaded (the test's outcome): " + outcomeLoaded
                        + "; with the whole written context: " + outcomeWritten);
            }
            if (otherRulesChange) {
                details.add("  rules firing as loaded: " + firedLoaded + "; with the whole written context: " + firedWritten);
            }
        }
        List<String> out = new ArrayList<>();
        out.add("# rule test cases writing facts that production context loading does not load for the record");
        out.add("# (rule tests load as production does: the rules never see these facts)");
        out.add("cases: " + total);
        out.add("earlier records written in the cases: " + earlierCounts[0] + ", of which loaded: " + earlierCounts[1]);
        out.add("cases writing facts production does not load: " + differing);
        byKind.forEach((kind, n) -> out.add("  of which with unloaded " + kind + ": " + n));
        out.add("cases whose context records production would store as revisions of one another: " + revisions);
        out.add("cases where the rule under test would decide otherwise with the whole written context: " + changed);
        out.add("  of which it is silent as loaded and would fire with the whole written context: " + silenced);
        out.add("cases where the set of rules firing would differ with the whole written context: " + othersChanged);
        out.add("");
        out.addAll(details);
        GoldenFiles.check("rule-test-contexts.txt", String.join("\n", out));
    }

    /** The case's context stored and loaded as production would, modelled apart from the rule test runner. */
    private static ProductionContexts.Loaded production(RuleTestCase c, RuleTestRunner.Prepared test) {
        List<JsonNode> earlier = new ArrayList<>();
        c.context().path("records").forEach(earlier::add);
        List<String> earlierIds = test.written().earlierRecords().stream().map(RecordFact::recordId).toList();
        return ProductionContexts.load(test.record(), c.record(), earlier, earlierIds, test.written());
    }

    /** Every fact of a context, in full, by kind; order-free. */
    private static Map<String, List<String>> facts(Context context) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        java.util.function.BiConsumer<String, List<?>> add = (kind, list) -> out.put(kind,
                list.stream().map(String::valueOf).sorted().toList());
        add.accept("earlier records", context.earlierRecords());
        add.accept("parties", context.parties());
        add.accept("orgs", context.orgs());
        add.accept("relations", context.relations());
        add.accept("sanctions", context.sanctions());
        add.accept("prior hits", context.priorHits());
        add.accept("admission plans", context.admissionPlans());
        add.accept("holidays", List.copyOf(context.calendar().holidays()));
        add.accept("workdays", List.copyOf(context.calendar().workdays()));
        return out;
    }

    /** The facts of the first that the second lacks, by kind. */
    private static Map<String, List<String>> difference(Map<String, List<String>> first, Map<String, List<String>> second) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        first.forEach((kind, facts) -> {
            List<String> lacking = facts.stream().filter(f -> !second.getOrDefault(kind, List.of()).contains(f)).toList();
            if (!lacking.isEmpty()) {
                out.put(kind, lacking);
            }
        });
        return out;
    }

    /** The facts of the written context that the loaded one lacks, by kind and name. */
    private static Map<String, List<String>> absent(Context test, Context production) {
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
