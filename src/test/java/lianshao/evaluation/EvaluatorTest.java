package lianshao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.facts.Bid;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.Relation;
import lianshao.facts.Tender;
import lianshao.facts.WorkCalendar;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;
import lianshao.rules.UncheckedRuleCompiler;

/** One record through a fresh session of a tiny rule set compiled in memory: hits, budgets, facts. */
class EvaluatorTest {

    private static final String HEADER = """
            package lianshao.evaluation.test;

            import lianshao.facts.*;

            global Hits hits;

            """;
    private static final String DERIVATION_HELPERS = """
            declare Counter
                n : int
            end

            rule "seed a counter"
                @kind("derivation")
            when
                not Counter()
            then
                insert(new Counter(0));
            end
            """;

    private Evaluator evaluator;

    @AfterEach
    void close() {
        if (evaluator != null) {
            evaluator.close();
        }
    }

    // ---------------------------------------------------------------- hits

    @Test
    void twoFiringsOfOneRuleMergeIntoOneHit() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01 per bid", "TST-01", "$b : Bid()", """
                hits.raise("投标人 " + $b.bidderRef() + " 的报价")
                    .inEnglish("bid of " + $b.bidderRef())
                    .subject($b.bidderRef())
                    .counterparty("SUP-" + $b.bidderRef())
                    .evidence("bidder", $b.bidderRef())
                    .evidence("tender", "ZB-1")
                    .related("rec-" + $b.bidderRef());
                """));

        EvaluationOutcome outcome = evaluate(ruleSet, tender(bid(0, "B1", "100"), bid(1, "B2", "200")));

        assertThat(outcome.hits()).hasSize(1);
        Hit hit = outcome.hits().get(0);
        assertThat(hit.ruleId()).isEqualTo("TST-01");
        assertThat(hit.subjects()).containsExactlyInAnyOrder("B1", "B2");
        assertThat(hit.counterparties()).containsExactlyInAnyOrder("SUP-B1", "SUP-B2");
        assertThat(hit.relatedRecords()).containsExactlyInAnyOrder("rec-B1", "rec-B2");
        assertThat(hit.evidence()).containsEntry("tender", "ZB-1");
        assertThat(hit.evidence().get("bidder")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("B1", "B2");
        assertThat(hit.message()).contains("投标人 B1 的报价").contains("投标人 B2 的报价").contains("；");
        assertThat(hit.message().split("；")).hasSize(2);
        assertThat(hit.messageEn()).contains("bid of B1").contains("bid of B2").contains("; ");
        assertThat(outcome.firings()).isEqualTo(2);
        assertThat(outcome.ruleSetVersion()).isEqualTo(ruleSet.version());
    }

    @Test
    void theSameMessageAndSubjectFromTwoFiringsAppearOnce() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01 per bid", "TST-01", "$b : Bid()", """
                hits.raise("同一消息").subject("APP-1").evidence("approver", "APP-1");
                """));

        Hit hit = evaluate(ruleSet, tender(bid(0, "B1", "100"), bid(1, "B2", "200"))).hits().get(0);

        assertThat(hit.message()).isEqualTo("同一消息");
        assertThat(hit.messageEn()).isNull();
        assertThat(hit.subjects()).containsExactly("APP-1");
        assertThat(hit.evidence()).containsExactly(Map.entry("approver", "APP-1"));
    }

    @Test
    void rulesOfOneFamilyMergeAndOtherIdsStaySeparate() {
        RuleSet ruleSet = compile(HEADER
                + rule("TST-01 one way", "TST-01", "$t : Tender( procedure == \"OPEN\" )",
                        "hits.raise(\"公开招标\").subject(\"P1\").escalate(2, \"情节一\");")
                + rule("TST-01 another way", "TST-01", "$t : Tender( bids.size() == 2 )",
                        "hits.raise(\"两份投标\").subject(\"P2\").escalate(3, \"情节二\");")
                + rule("TST-02 other", "TST-02", "$t : Tender()",
                        "hits.raise(\"另一规则\").subject(\"P3\").benefit(\"P3\", new java.math.BigDecimal(\"500\"));"));

        List<Hit> hits = evaluate(ruleSet, tender(bid(0, "B1", "100"), bid(1, "B2", "200"))).hits();

        assertThat(hits).extracting(Hit::ruleId).containsExactlyInAnyOrder("TST-01", "TST-02");
        Hit family = hits.stream().filter(h -> h.ruleId().equals("TST-01")).findFirst().orElseThrow();
        assertThat(family.subjects()).containsExactlyInAnyOrder("P1", "P2");
        assertThat(family.escalatedForm()).isEqualTo(3);
        assertThat(family.escalations()).extracting(Hit.Escalation::reason).containsExactlyInAnyOrder("情节一", "情节二");
        assertThat(family.benefits()).isEmpty();
        Hit other = hits.stream().filter(h -> h.ruleId().equals("TST-02")).findFirst().orElseThrow();
        assertThat(other.subjects()).containsExactly("P3");
        assertThat(other.benefits()).containsOnlyKeys("P3");
        assertThat(other.benefits().get("P3")).isEqualByComparingTo("500");
        assertThat(other.escalatedForm()).isZero();
    }

    @Test
    void aRuleThatDoesNotMatchRaisesNothing() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01 invited", "TST-01", "Tender( procedure == \"INVITED\" )",
                "hits.raise(\"x\");"));

        EvaluationOutcome outcome = evaluate(ruleSet, tender());

        assertThat(outcome.hits()).isEmpty();
        assertThat(outcome.firings()).isZero();
    }

    @Test
    void aRuleCannotEscalateToFormFour() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01", "TST-01", "Tender()", "hits.raise(\"x\").escalate(4, \"太重\");"));

        Throwable thrown = catchThrowable(() -> evaluate(ruleSet, tender()));

        assertThat(thrown).isNotNull().hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(rootCause(thrown).getMessage()).contains("form 4");
    }

    // ---------------------------------------------------------------- budgets

    // The patterns constrain n: the engine is property reactive, so a pattern that does not look at n
    // would not match again after n changes.
    @Test
    void aRuleThatModifiesItsOwnFactForeverExhaustsTheFiringBudget() {
        RuleSet ruleSet = compile(HEADER + DERIVATION_HELPERS + """
                rule "count forever"
                    @kind("derivation")
                when
                    $c : Counter( n >= 0 )
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """);

        EvaluationBudgetExceeded e = catchThrowableOfType(EvaluationBudgetExceeded.class,
                () -> evaluate(ruleSet, tender(), settings(50, Duration.ofSeconds(30))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("firing budget").contains("50");
    }

    @Test
    void aRuleThatInsertsNewFactsForeverExhaustsTheFiringBudget() {
        RuleSet ruleSet = compile(HEADER + DERIVATION_HELPERS + """
                rule "breed counters"
                    @kind("derivation")
                when
                    Counter( $n : n )
                then
                    insert(new Counter($n + 1));
                end
                """);

        EvaluationBudgetExceeded e = catchThrowableOfType(EvaluationBudgetExceeded.class,
                () -> evaluate(ruleSet, tender(), settings(200, Duration.ofSeconds(30))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("firing budget of 200");
    }

    @Test
    void anEvaluationWithinTheFiringBudgetSucceeds() {
        RuleSet ruleSet = compile(HEADER + DERIVATION_HELPERS + """
                rule "count to ten"
                    @kind("derivation")
                when
                    $c : Counter( n < 10 )
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """ + rule("TST-01 ten", "TST-01", "Counter( n == 10 )", "hits.raise(\"数到十\");"));

        EvaluationOutcome outcome = evaluate(ruleSet, tender(), settings(50, Duration.ofSeconds(30)));

        // seed + 10 counts + the catalogue rule
        assertThat(outcome.firings()).isEqualTo(12);
        assertThat(outcome.hits()).extracting(Hit::ruleId).containsExactly("TST-01");
    }

    @Test
    void aSlowEvaluationIsStoppedByTheTimeBudget() {
        // every firing sleeps 20 ms and the loop never ends by itself: only the time budget can stop it
        // long before the firing budget (100,000 firings, over half an hour) would
        RuleSet ruleSet = compile(HEADER + DERIVATION_HELPERS + """
                rule "count slowly forever"
                    @kind("derivation")
                when
                    $c : Counter( n >= 0 )
                then
                    try { Thread.sleep(20); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    modify($c) { setN($c.getN() + 1) }
                end
                """);

        long start = System.nanoTime();
        EvaluationBudgetExceeded e = catchThrowableOfType(EvaluationBudgetExceeded.class,
                () -> evaluate(ruleSet, tender(), settings(100_000, Duration.ofMillis(300))));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("time budget").contains("300 ms");
        assertThat(e.budget()).isEqualTo(EvaluationBudgetExceeded.Budget.TIME);
        assertThat(e.limit()).isEqualTo(300);
        assertThat(e.used()).isGreaterThanOrEqualTo(300);
        assertThat(millis).isGreaterThanOrEqualTo(300).isLessThan(20_000);
    }

    // ---------------------------------------------------------------- derivation rules

    @Test
    void aDerivationRuleThatRaisesAHitFailsTheEvaluation() {
        RuleSet ruleSet = compile(HEADER + """
                rule "sneaky derivation"
                    @kind("derivation")
                when
                    Tender()
                then
                    hits.raise("不该出现");
                end
                """);

        Throwable thrown = catchThrowable(() -> evaluate(ruleSet, tender()));

        assertThat(thrown).isNotNull().hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rule \"sneaky derivation\" raised a hit but declares no @id");
        assertThat(rootCause(thrown).getMessage())
                .isEqualTo("rule \"sneaky derivation\" raised a hit but declares no @id");
    }

    @Test
    void aCatalogueRuleFiringBeforeADerivationDoesNotLendItsId() {
        RuleSet ruleSet = compile(HEADER
                + rule("TST-01 first", "TST-01", "Tender()", "hits.raise(\"先\");", 10)
                + """
                rule "sneaky derivation"
                    @kind("derivation")
                    salience -10
                when
                    Tender()
                then
                    hits.raise("不该出现");
                end
                """);

        Throwable thrown = catchThrowable(() -> evaluate(ruleSet, tender()));

        assertThat(rootCause(thrown)).isInstanceOf(IllegalStateException.class);
        assertThat(rootCause(thrown).getMessage()).contains("sneaky derivation");
    }

    // ---------------------------------------------------------------- facts of the session

    @Test
    void thresholdsAreReadForTheDistrictOfTheRecordsOrganisation() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01", "TST-01", "Thresholds( $v : amount(\"limit\") )",
                "hits.raise(\"限额 \" + $v).evidence(\"limit\", $v);"), "limit=100\nlimit.东城区=250\n");
        Context inDistrict = context(List.of(new Org("ORG-1", "第一中学", "SCHOOL", "东城区", "EDU-1")), List.of(), List.of());
        Context elsewhere = context(List.of(new Org("ORG-1", "第一中学", "SCHOOL", "西城区", "EDU-1")), List.of(), List.of());

        Object inside = evaluate(ruleSet, tender(), inDistrict).hits().get(0).evidence().get("limit");
        Object outside = evaluate(ruleSet, tender(), elsewhere).hits().get(0).evidence().get("limit");
        Object unregistered = evaluate(ruleSet, tender(), Context.empty()).hits().get(0).evidence().get("limit");

        assertThat(inside).isEqualTo(new BigDecimal("250"));
        assertThat(outside).isEqualTo(new BigDecimal("100"));
        assertThat(unregistered).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void kinshipReadsBothWaysAndCompanyRolesOneWay() {
        RuleSet ruleSet = compile(HEADER
                + rule("TST-01 kin", "TST-01", "Kin( $a : a, $b : b )", "hits.raise(\"亲属\").evidence(\"kin\", $a + \">\" + $b);")
                + rule("TST-02 role", "TST-02", "CompanyRole( $p : personRef, $o : orgRef )",
                        "hits.raise(\"任职\").evidence(\"role\", $p + \">\" + $o);"));
        Context context = context(List.of(), List.of(), List.of(
                new Relation("P1", "P2", "SPOUSE", null, null),
                new Relation("P1", "SUP-1", "SHAREHOLDER", LocalDate.of(2020, 1, 1), null)));

        List<Hit> hits = evaluate(ruleSet, tender(), context).hits();

        Hit kin = hits.stream().filter(h -> h.ruleId().equals("TST-01")).findFirst().orElseThrow();
        assertThat(kin.evidence().get("kin")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("P1>P2", "P2>P1");
        Hit role = hits.stream().filter(h -> h.ruleId().equals("TST-02")).findFirst().orElseThrow();
        assertThat(role.evidence()).containsEntry("role", "P1>SUP-1");
    }

    @Test
    void leadersOfTheOrganisationAndItsBureauAreFacts() {
        RuleSet ruleSet = compile(HEADER + rule("TST-01 leader", "TST-01", "Leader( $p : personRef, $at : atOrgCode, $r : role )",
                "hits.raise(\"领导\").evidence(\"leader\", $p + \"@\" + $at + \":\" + $r);"));
        Context context = context(
                List.of(new Org("ORG-1", "第一中学", "SCHOOL", "东城区", "EDU-1"), new Org("EDU-1", "教育局", "BUREAU", "东城区", null)),
                List.of(party("L1", "ORG-1", "PRINCIPAL"), party("L2", "EDU-1", "LEADER"), party("L3", "ORG-2", "LEADER"),
                        party("S1", "ORG-1", "STAFF")),
                List.of());

        Hit hit = evaluate(ruleSet, tender(), context).hits().get(0);

        assertThat(hit.evidence().get("leader")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("L1@ORG-1:PRINCIPAL", "L2@EDU-1:LEADER");
    }

    // ---------------------------------------------------------------- helpers

    private EvaluationOutcome evaluate(RuleSet ruleSet, Tender tender) {
        return evaluate(ruleSet, tender, Context.empty());
    }

    private EvaluationOutcome evaluate(RuleSet ruleSet, Tender tender, Context context) {
        return evaluate(ruleSet, tender, context, settings(10_000, Duration.ofSeconds(30)));
    }

    private EvaluationOutcome evaluate(RuleSet ruleSet, Tender tender, RulesSettings settings) {
        return evaluate(ruleSet, tender, Context.empty(), settings);
    }

    private EvaluationOutcome evaluate(RuleSet ruleSet, Tender tender, Context context, RulesSettings settings) {
        if (evaluator != null) {
            evaluator.close();
        }
        evaluator = new Evaluator(settings, new SimpleMeterRegistry());
        return evaluator.evaluate(ruleSet, tender, context);
    }

    private static RulesSettings settings(int maxFirings, Duration timeBudget) {
        return new RulesSettings(Path.of("rules"), maxFirings, timeBudget);
    }

    private static RuleSet compile(String drl) {
        return compile(drl, "k=1\n");
    }

    private static RuleSet compile(String drl, String thresholds) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("test/evaluator.drl", drl);
        // these rules misbehave on purpose (loops, sleeps, declared types): the safety check would refuse them
        return UncheckedRuleCompiler.create().compile(new RuleSource(files, thresholds));
    }

    private static String rule(String name, String id, String when, String then) {
        return rule(name, id, when, then, 0);
    }

    private static String rule(String name, String id, String when, String then, int salience) {
        return """
                rule "%s"
                    @id("%s")
                    @title("测试规则")
                    @form(1)
                    @clause("M9")
                    @basis("测试 [INF]")
                    @departments("纪检组")
                    salience %d
                when
                    %s
                then
                    %s
                end

                """.formatted(name, id, salience, when, then);
    }

    private static Context context(List<Org> orgs, List<Party> parties, List<Relation> relations) {
        return new Context(List.of(), parties, orgs, relations, List.of(), List.of(), List.of(), new WorkCalendar(Set.of(), Set.of()));
    }

    private static Party party(String id, String orgCode, String role) {
        return new Party(id, "PERSON", id, orgCode, null, Set.of(role), null, null, null, null, null);
    }

    private static Tender tender(Bid... bids) {
        OffsetDateTime at = OffsetDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        return new Tender("rec-1", "ext-1", "test", "ORG-1", at, at.toLocalDate(), true,
                "ZB-1", "教学楼改造", "P-1", Boolean.TRUE, "CONSTRUCTION", new BigDecimal("5000000"), "OPEN", null,
                "LOWEST_PRICE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 26), null, List.of(), null, null, null,
                null, null, null, List.of(bids), null, null, List.of(), "APP-1", List.of(), List.of());
    }

    private static Bid bid(int index, String bidderRef, String price) {
        return new Bid("rec-1", index, bidderRef, new BigDecimal(price), false, null, null, null, null, null, null,
                null, null, null);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
