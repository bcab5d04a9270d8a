package lianshao.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lianshao.evaluation.Hit;
import lianshao.grading.SubjectHistory.SanctionPeriod;
import lianshao.rules.RuleMetadata;
import lianshao.rules.RuleSet;

/**
 * The grading steps G1–G5 of the catalogue ("The four forms and grading"), on hand-made hits and an
 * in-memory history. The grader reads only rule metadata from the rule set, so no rule base is built.
 */
class GraderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final String RECORD = "rec-current";

    private static final String ORG = "SCH-CURRENT";

    private final Grader grader = new Grader(new GradingSettings(12, 2, 3, 2, 5,
            new BigDecimal("30000"), new BigDecimal("10000")), new RecheckSettings(180),
            java.time.Clock.fixed(DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC));
    private final FakeHistory history = new FakeHistory();

    private final RuleSet ruleSet = new RuleSet("rs-test", null, Map.of(
            "AAA-01", rule("AAA-01", 1, null),
            "AAA-02", rule("AAA-02", 2, null),
            "AAA-03", rule("AAA-03", 3, null),
            "AAA-04", rule("AAA-04", 1, new RuleMetadata.Combination(List.of("AAA-05", "AAA-06"), 2)),
            "AAA-05", rule("AAA-05", 1, null),
            "AAA-06", rule("AAA-06", 2, null)), null);

    // ---------------------------------------------------------------- no steps

    @Test
    void aHitWithNothingToLiftItKeepsItsBaseForm() {
        GradedHit graded = gradeOne(hit("AAA-02", List.of("P1")));

        assertThat(graded.baseForm()).isEqualTo(2);
        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).isEmpty();
        assertThat(graded.supervisionForm()).isEqualTo(SupervisionForm.SECOND);
        assertThat(graded.rule().id()).isEqualTo("AAA-02");
    }

    // ---------------------------------------------------------------- G1

    @Test
    void g1TakesTheHighestEscalationTheRuleAskedFor() {
        Hit hit = hit("AAA-01", List.of("P1"), List.of(
                new Hit.Escalation(2, "金额达到标准"), new Hit.Escalation(3, "金额达到两倍标准")), Map.of(), List.of());

        GradedHit graded = gradeOne(hit);

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.steps()).hasSize(1);
        GradingStep step = graded.steps().get(0);
        assertThat(step.step()).isEqualTo("G1");
        assertThat(step.fromForm()).isEqualTo(1);
        assertThat(step.toForm()).isEqualTo(3);
        assertThat(step.reason()).contains("金额达到两倍标准").contains("金额达到标准");
    }

    @Test
    void g1EscalationNotAboveTheBaseFormIsNoStep() {
        Hit hit = hit("AAA-02", List.of("P1"), List.of(new Hit.Escalation(1, "轻微")), Map.of(), List.of());

        GradedHit graded = gradeOne(hit);

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void g1CombinedWithLiftsWhenANamedRuleAlsoHitTheRecord() {
        List<GradedHit> graded = grade(hit("AAA-04", List.of("P1")), hit("AAA-05", List.of("P2")));

        GradedHit combined = byRule(graded, "AAA-04");
        // G1 to 2 by AAA-05; then G4 (two rules) lifts both to highest + 1 = 3
        assertThat(combined.steps()).extracting(GradingStep::step).containsExactly("G1", "G4");
        GradingStep g1 = combined.steps().get(0);
        assertThat(g1.fromForm()).isEqualTo(1);
        assertThat(g1.toForm()).isEqualTo(2);
        assertThat(g1.reason()).contains("AAA-05").doesNotContain("AAA-06");
    }

    @Test
    void g1CombinedWithDoesNothingWhenNoNamedRuleHitTheRecord() {
        List<GradedHit> graded = grade(hit("AAA-04", List.of("P1")), hit("AAA-01", List.of("P2")));

        GradedHit combined = byRule(graded, "AAA-04");
        assertThat(combined.steps()).extracting(GradingStep::step).containsExactly("G4");
        assertThat(combined.steps().get(0).fromForm()).isEqualTo(1);
        assertThat(combined.steps().get(0).toForm()).isEqualTo(2);
        assertThat(combined.form()).isEqualTo(2);
    }

    @Test
    void g1CombinedWithAloneOnTheRecordKeepsTheBaseForm() {
        GradedHit graded = gradeOne(hit("AAA-04", List.of("P1")));

        assertThat(graded.form()).isEqualTo(1);
        assertThat(graded.steps()).isEmpty();
    }

    // ---------------------------------------------------------------- G2

    @Test
    void g2APriorHitOfTheSameRuleOnTheSameSubjectWithinTwelveMonthsLiftsOne() {
        history.hit("AAA-01", "P1", DAY.minusMonths(11), "rec-old");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).hasSize(1);
        GradingStep step = graded.steps().get(0);
        assertThat(step.step()).isEqualTo("G2");
        assertThat(step.fromForm()).isEqualTo(1);
        assertThat(step.toForm()).isEqualTo(2);
        assertThat(step.reason()).contains("P1").contains("2 次");
        // the window asked for is the 12 months up to the record's day, this record excluded
        assertThat(history.hitQueries).containsExactly("AAA-01|P1|" + DAY.minusMonths(12) + "|" + DAY + "|" + RECORD);
    }

    @Test
    void g2ToldAsMoreThanTwentyWhenTheHistoryCountsTwentyOrMore() {
        for (int i = 0; i < 25; i++) {
            history.hit("AAA-01", "P1", DAY.minusDays(i + 1), "rec-old-" + i);
        }

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps().get(0).reason()).contains("命中 超过 20 次").doesNotContain("26");
    }

    @Test
    void g2APriorHitExactlyTwelveMonthsBeforeStillCounts() {
        history.hit("AAA-01", "P1", DAY.minusMonths(12), "rec-old");

        assertThat(gradeOne(hit("AAA-01", List.of("P1"))).form()).isEqualTo(2);
    }

    @Test
    void g2APriorHitThirteenMonthsBeforeDoesNotCount() {
        history.hit("AAA-01", "P1", DAY.minusMonths(13), "rec-old");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(1);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void g2APriorHitOfAnotherRuleDoesNotCount() {
        history.hit("AAA-02", "P1", DAY.minusMonths(1), "rec-old");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(1);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void g2APriorHitOfTheSameRuleOnAnotherSubjectDoesNotCount() {
        history.hit("AAA-01", "P9", DAY.minusMonths(1), "rec-old");

        assertThat(gradeOne(hit("AAA-01", List.of("P1"))).steps()).isEmpty();
    }

    @Test
    void g2LiftsOnceEvenWhenSeveralSubjectsRepeat() {
        history.hit("AAA-01", "P1", DAY.minusMonths(1), "rec-a");
        history.hit("AAA-01", "P2", DAY.minusMonths(2), "rec-b");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1", "P2")));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G2");
    }

    // ---------------------------------------------------------------- G3

    @Test
    void g3ASubjectInsideAnActiveSanctionPeriodLiftsOne() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(3), DAY.plusMonths(3)));

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P0", "P1")));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).hasSize(1);
        GradingStep step = graded.steps().get(0);
        assertThat(step.step()).isEqualTo("G3");
        assertThat(step.fromForm()).isEqualTo(1);
        assertThat(step.toForm()).isEqualTo(2);
        assertThat(step.reason()).contains("P1").contains("第二种形态");
    }

    @Test
    void g3AnOpenEndedSanctionIsActive() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusYears(1), null));

        assertThat(gradeOne(hit("AAA-01", List.of("P1"))).form()).isEqualTo(2);
    }

    @Test
    void g3AnEndedSanctionDoesNotLift() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(20), DAY.minusMonths(2)));

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(1);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void g3ASanctionNotYetStartedDoesNotLift() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.plusDays(1), DAY.plusMonths(6)));

        assertThat(gradeOne(hit("AAA-01", List.of("P1"))).steps()).isEmpty();
    }

    // ---------------------------------------------------------------- cap

    @Test
    void g2AndG3TogetherLiftTwoFromFormOne() {
        history.hit("AAA-01", "P1", DAY.minusMonths(1), "rec-old");
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(3), DAY.plusMonths(3)));

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G2", "G3");
    }

    @Test
    void g2AndG3TogetherNeverExceedThree() {
        history.hit("AAA-02", "P1", DAY.minusMonths(1), "rec-old");
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(3), DAY.plusMonths(3)));

        GradedHit graded = gradeOne(hit("AAA-02", List.of("P1")));

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G2");
    }

    @Test
    void aFormThreeRuleIsNotLiftedByG2OrG3() {
        history.hit("AAA-03", "P1", DAY.minusMonths(1), "rec-old");
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(3), DAY.plusMonths(3)));

        GradedHit graded = gradeOne(hit("AAA-03", List.of("P1")));

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.steps()).isEmpty();
    }

    // ---------------------------------------------------------------- G4

    @Test
    void g4TwoDifferentRulesOnOneRecordTakeTheHighestPlusOne() {
        List<GradedHit> graded = grade(hit("AAA-01", List.of("P1")), hit("AAA-02", List.of("P2")));

        assertThat(graded).extracting(GradedHit::form).containsExactly(3, 3);
        GradedHit first = byRule(graded, "AAA-01");
        assertThat(first.steps()).hasSize(1);
        assertThat(first.steps().get(0).step()).isEqualTo("G4");
        assertThat(first.steps().get(0).fromForm()).isEqualTo(1);
        assertThat(first.steps().get(0).toForm()).isEqualTo(3);
        assertThat(first.steps().get(0).reason()).contains("2 条不同规则");
        assertThat(byRule(graded, "AAA-02").steps()).extracting(GradingStep::fromForm, GradingStep::toForm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3));
    }

    @Test
    void g4IsCappedAtThree() {
        List<GradedHit> graded = grade(hit("AAA-03", List.of("P1")), hit("AAA-01", List.of("P2")));

        assertThat(graded).extracting(GradedHit::form).containsExactly(3, 3);
        assertThat(byRule(graded, "AAA-03").steps()).isEmpty();
        assertThat(byRule(graded, "AAA-01").steps()).extracting(GradingStep::step).containsExactly("G4");
    }

    @Test
    void g4UsesTheFormsAfterG1ToG3() {
        history.hit("AAA-01", "P1", DAY.minusMonths(1), "rec-old");
        // AAA-01 → 2 by G2; AAA-05 stays 1; G4 → both 3
        List<GradedHit> graded = grade(hit("AAA-01", List.of("P1")), hit("AAA-05", List.of("P2")));

        assertThat(graded).extracting(GradedHit::form).containsExactly(3, 3);
        assertThat(byRule(graded, "AAA-05").steps().get(0).fromForm()).isEqualTo(1);
        assertThat(byRule(graded, "AAA-05").steps().get(0).toForm()).isEqualTo(3);
    }

    @Test
    void g4OneRuleAloneIsNoCombination() {
        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.steps()).extracting(GradingStep::step).doesNotContain("G4");
        assertThat(graded.form()).isEqualTo(1);
    }

    @Test
    void g4TwoHitsOfTheSameRuleAreNoCombination() {
        List<GradedHit> graded = grade(hit("AAA-01", List.of("P1")), hit("AAA-01", List.of("P2")));

        assertThat(graded).extracting(GradedHit::form).containsExactly(1, 1);
        assertThat(graded).allSatisfy(g -> assertThat(g.steps()).isEmpty());
    }

    // ---------------------------------------------------------------- G5

    @Test
    void g5SuspectedCrimeGivesFormFour() {
        Hit hit = hit("AAA-03", List.of("P1"), List.of(), Map.of(), List.of("串通投标中标金额达到追诉标准"));

        GradedHit graded = gradeOne(hit);

        assertThat(graded.form()).isEqualTo(4);
        assertThat(graded.supervisionForm()).isEqualTo(SupervisionForm.FOURTH);
        assertThat(graded.steps()).hasSize(1);
        assertThat(graded.steps().get(0).step()).isEqualTo("G5");
        assertThat(graded.steps().get(0).fromForm()).isEqualTo(3);
        assertThat(graded.steps().get(0).toForm()).isEqualTo(4);
        assertThat(graded.steps().get(0).reason()).contains("串通投标中标金额达到追诉标准");
    }

    @Test
    void g5CumulativeBenefitReachingThirtyThousandGivesFormFour() {
        history.benefit("P1", DAY.minusYears(2), "rec-old", "20000");

        GradedHit graded = gradeOne(benefitHit("AAA-02", "P1", "10000"));

        assertThat(graded.form()).isEqualTo(4);
        GradingStep step = graded.steps().get(graded.steps().size() - 1);
        assertThat(step.step()).isEqualTo("G5");
        assertThat(step.fromForm()).isEqualTo(2);
        assertThat(step.toForm()).isEqualTo(4);
        assertThat(step.reason()).contains("P1").contains("¥30,000.00").contains("累计个人获益");
        assertThat(history.benefitQueries).contains("P1|" + DAY.minusYears(5) + "|" + DAY + "|" + RECORD);
    }

    @Test
    void g5CumulativeBenefitJustBelowThirtyThousandIsNotFormFour() {
        history.benefit("P1", DAY.minusYears(2), "rec-old", "19999.99");

        GradedHit graded = gradeOne(benefitHit("AAA-02", "P1", "10000"));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void g5BenefitOlderThanFiveYearsDoesNotCount() {
        history.benefit("P1", DAY.minusYears(5).minusDays(1), "rec-old", "25000");

        assertThat(gradeOne(benefitHit("AAA-02", "P1", "10000")).form()).isEqualTo(2);
    }

    @Test
    void g5BenefitOfOtherHitsOnTheSameRecordCounts() {
        history.benefit("P1", DAY.minusYears(1), "rec-old", "10000");
        List<GradedHit> graded = grade(benefitHit("AAA-03", "P1", "10000"), benefitHit("AAA-01", "P1", "10000"));

        assertThat(graded).extracting(GradedHit::form).containsExactly(4, 4);
    }

    @Test
    void g5WithAnEarlierSanctionTheThresholdIsTenThousand() {
        // the sanction has ended, so G3 does not lift; it still lowers the G5 threshold
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusYears(3), DAY.minusYears(2)));

        GradedHit graded = gradeOne(benefitHit("AAA-02", "P1", "10000"));

        assertThat(graded.form()).isEqualTo(4);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G5");
        assertThat(graded.steps().get(0).reason()).contains("¥10,000.00").contains("曾受处分");
    }

    @Test
    void g5WithAnEarlierSanctionBelowTenThousandIsNotFormFour() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusYears(3), DAY.minusYears(2)));

        GradedHit graded = gradeOne(benefitHit("AAA-02", "P1", "9999.99"));

        assertThat(graded.form()).isEqualTo(2);
    }

    @Test
    void g5ALaterSanctionDoesNotLowerTheThreshold() {
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.plusMonths(1), DAY.plusYears(1)));

        assertThat(gradeOne(benefitHit("AAA-02", "P1", "10000")).form()).isEqualTo(2);
    }

    @Test
    void g5IsLiftedFromACappedForm() {
        history.hit("AAA-02", "P1", DAY.minusMonths(1), "rec-old");
        history.benefit("P1", DAY.minusYears(1), "rec-old", "25000");

        GradedHit graded = gradeOne(benefitHit("AAA-02", "P1", "5000"));

        assertThat(graded.form()).isEqualTo(4);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G2", "G5");
    }

    // ---------------------------------------------------------------- per subject

    @Test
    void benefitsOfDifferentSubjectsAreNotAddedTogether() {
        history.benefit("P1", DAY.minusYears(1), "rec-a", "15000");
        history.benefit("P2", DAY.minusYears(1), "rec-b", "15000");
        Hit hit = hit("AAA-02", List.of("P1", "P2"), List.of(),
                linked("P1", "5000", "P2", "5000"), List.of());

        GradedHit graded = gradeOne(hit);

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void theWarningTakesTheHighestSubjectResult() {
        // P1 is clean; P2 repeats the rule and reaches the benefit threshold
        history.hit("AAA-01", "P2", DAY.minusMonths(2), "rec-old");
        history.benefit("P2", DAY.minusYears(1), "rec-old", "29000");
        Hit hit = hit("AAA-01", List.of("P1", "P2"), List.of(),
                linked("P1", "500", "P2", "1000"), List.of());

        GradedHit graded = gradeOne(hit);

        assertThat(graded.form()).isEqualTo(4);
        assertThat(graded.steps()).extracting(GradingStep::step).containsExactly("G2", "G5");
        assertThat(graded.steps().get(0).reason()).contains("P2");
        assertThat(graded.steps().get(1).reason()).contains("P2").doesNotContain("P1 ");
    }

    // ---------------------------------------------------------------- steps

    @Test
    void stepsAreRecordedInOrderWithFormsAndChineseReasons() {
        history.hit("AAA-01", "P1", DAY.minusMonths(6), "rec-old");
        history.sanction("P1", new SanctionPeriod("WARNING", 2, DAY.minusMonths(1), DAY.plusMonths(5)));
        Hit first = hit("AAA-01", List.of("P1"), List.of(new Hit.Escalation(2, "情节较重")), Map.of(), List.of());
        Hit second = hit("AAA-02", List.of("P2"), List.of(), Map.of(), List.of("冒名顶替"));

        List<GradedHit> graded = grade(first, second);

        GradedHit a = byRule(graded, "AAA-01");
        // G1 1→2, G2 2→3, G3 no room under the cap; G4 target min(3+1, 3) = 3: nothing to do
        assertThat(a.steps()).extracting(GradingStep::step, GradingStep::fromForm, GradingStep::toForm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("G1", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("G2", 2, 3));
        assertThat(a.form()).isEqualTo(3);
        GradedHit b = byRule(graded, "AAA-02");
        assertThat(b.steps()).extracting(GradingStep::step, GradingStep::fromForm, GradingStep::toForm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("G4", 2, 3),
                        org.assertj.core.groups.Tuple.tuple("G5", 3, 4));
        assertThat(b.baseForm()).isEqualTo(2);
        assertThat(b.form()).isEqualTo(4);
        for (GradedHit g : graded) {
            for (GradingStep step : g.steps()) {
                assertThat(step.reason()).isNotBlank().containsPattern("[\\u4e00-\\u9fff]");
                assertThat(step.toForm()).isGreaterThan(step.fromForm());
            }
        }
    }

    // ---------------------------------------------------------------- R1

    @Test
    void r1TheSameRuleOnTheSameSubjectWithinTheRecheckPeriodAfterRectificationIsOneFormHigherAndLinked() {
        history.rectified("AAA-01", "P1", "SCH-OTHER", DAY.minusDays(30), "w-old");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(2);
        assertThat(graded.recurrenceOf()).isEqualTo("w-old");
        assertThat(graded.steps()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("R1");
            assertThat(step.fromForm()).isEqualTo(1);
            assertThat(step.toForm()).isEqualTo(2);
            assertThat(step.reason()).contains("整改不到位").contains("w-old");
        });
    }

    @Test
    void r1TheSameUnitCountsEvenForAnotherSubject() {
        history.rectified("AAA-02", "P9", ORG, DAY.minusDays(180), "w-unit");

        GradedHit graded = gradeOne(hit("AAA-02", List.of("P1")));

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.recurrenceOf()).isEqualTo("w-unit");
    }

    @Test
    void r1ARectificationOlderThanTheRecheckPeriodOrOfAnotherRuleOrSubjectAndUnitDoesNotCount() {
        history.rectified("AAA-01", "P1", ORG, DAY.minusDays(181), "w-too-old");
        history.rectified("AAA-02", "P1", ORG, DAY.minusDays(10), "w-other-rule");
        history.rectified("AAA-01", "P2", "SCH-OTHER", DAY.minusDays(10), "w-other-subject");

        GradedHit graded = gradeOne(hit("AAA-01", List.of("P1")));

        assertThat(graded.form()).isEqualTo(1);
        assertThat(graded.recurrenceOf()).isNull();
        assertThat(graded.steps()).isEmpty();
    }

    @Test
    void r1NeverLiftsAboveTheCapButStillLinksTheRectifiedWarning() {
        history.rectified("AAA-03", "P1", ORG, DAY.minusDays(5), "w-serious");

        GradedHit graded = gradeOne(hit("AAA-03", List.of("P1")));

        assertThat(graded.form()).isEqualTo(3);
        assertThat(graded.steps()).isEmpty();
        assertThat(graded.recurrenceOf()).isEqualTo("w-serious");
    }

    @Test
    void gradedHitsComeBackInTheOrderOfTheHits() {
        List<GradedHit> graded = grade(hit("AAA-06", List.of("P1")), hit("AAA-01", List.of("P1")),
                hit("AAA-03", List.of("P1")));

        assertThat(graded).extracting(g -> g.hit().ruleId()).containsExactly("AAA-06", "AAA-01", "AAA-03");
    }

    @Test
    void aHitOfAnUnknownRuleIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gradeOne(hit("ZZZ-99", List.of("P1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ZZZ-99");
    }

    // ---------------------------------------------------------------- helpers

    private GradedHit gradeOne(Hit hit) {
        List<GradedHit> graded = grade(hit);
        assertThat(graded).hasSize(1);
        return graded.get(0);
    }

    private List<GradedHit> grade(Hit... hits) {
        return grader.grade(ruleSet, RECORD, ORG, DAY, List.of(hits), history);
    }

    private static GradedHit byRule(List<GradedHit> graded, String ruleId) {
        return graded.stream().filter(g -> g.hit().ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private static RuleMetadata rule(String id, int form, RuleMetadata.Combination combination) {
        return new RuleMetadata(id, "测试规则 " + id, null, form, List.of("M9"), "测试依据 [INF]", List.of("纪检组"),
                combination, "test.drl", 1);
    }

    private static Hit hit(String ruleId, List<String> subjects) {
        return hit(ruleId, subjects, List.of(), Map.of(), List.of());
    }

    private static Hit benefitHit(String ruleId, String subject, String amount) {
        return hit(ruleId, List.of(subject), List.of(), Map.of(subject, new BigDecimal(amount)), List.of());
    }

    private static Hit hit(String ruleId, List<String> subjects, List<Hit.Escalation> escalations,
            Map<String, BigDecimal> benefits, List<String> crimes) {
        return new Hit(ruleId, "命中 " + ruleId, null, subjects, List.of(), Map.of(), List.of(), escalations,
                benefits, crimes);
    }

    private static Map<String, BigDecimal> linked(String s1, String a1, String s2, String a2) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        map.put(s1, new BigDecimal(a1));
        map.put(s2, new BigDecimal(a2));
        return map;
    }

    /** Earlier warnings, benefits and sanctions, answered the way the interface describes. */
    private static final class FakeHistory implements SubjectHistory {

        private record PriorHit(String ruleId, String subject, LocalDate on, String recordId) {
        }

        private record PriorBenefit(String subject, LocalDate on, String recordId, BigDecimal amount) {
        }

        private record Rectification(String ruleId, String subject, String org, LocalDate on, String warningId) {
        }

        final List<Rectification> rectifications = new ArrayList<>();
        final List<PriorHit> hits = new ArrayList<>();
        final List<PriorBenefit> benefits = new ArrayList<>();
        final Map<String, List<SanctionPeriod>> sanctions = new HashMap<>();
        final List<String> hitQueries = new ArrayList<>();
        final List<String> benefitQueries = new ArrayList<>();

        void hit(String ruleId, String subject, LocalDate on, String recordId) {
            hits.add(new PriorHit(ruleId, subject, on, recordId));
        }

        void rectified(String ruleId, String subject, String org, LocalDate on, String warningId) {
            rectifications.add(new Rectification(ruleId, subject, org, on, warningId));
        }

        @Override
        public java.util.Optional<Rectified> rectified(String ruleId, java.util.Collection<String> subjectRefs, String orgCode,
                LocalDate from, LocalDate to, String excludingRecordId) {
            return rectifications.stream().filter(r -> r.ruleId.equals(ruleId))
                    .filter(r -> subjectRefs.contains(r.subject) || r.org.equals(orgCode))
                    .filter(r -> !r.on.isBefore(from) && !r.on.isAfter(to))
                    .max(java.util.Comparator.comparing(Rectification::on))
                    .map(r -> new Rectified(r.warningId, r.on));
        }

        void benefit(String subject, LocalDate on, String recordId, String amount) {
            benefits.add(new PriorBenefit(subject, on, recordId, new BigDecimal(amount)));
        }

        void sanction(String subject, SanctionPeriod period) {
            sanctions.computeIfAbsent(subject, s -> new ArrayList<>()).add(period);
        }

        @Override
        public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
            hitQueries.add(ruleId + "|" + subjectRef + "|" + from + "|" + to + "|" + excludingRecordId);
            return (int) hits.stream().filter(h -> h.ruleId.equals(ruleId) && h.subject.equals(subjectRef))
                    .filter(h -> !h.recordId.equals(excludingRecordId))
                    .filter(h -> !h.on.isBefore(from) && !h.on.isAfter(to)).count();
        }

        @Override
        public BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
            benefitQueries.add(subjectRef + "|" + from + "|" + to + "|" + excludingRecordId);
            return benefits.stream().filter(b -> b.subject.equals(subjectRef))
                    .filter(b -> !b.recordId.equals(excludingRecordId))
                    .filter(b -> !b.on.isBefore(from) && !b.on.isAfter(to))
                    .map(PriorBenefit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public List<SanctionPeriod> sanctions(String subjectRef) {
            return sanctions.getOrDefault(subjectRef, List.of());
        }
    }
}
