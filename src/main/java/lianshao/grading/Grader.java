package lianshao.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import lianshao.evaluation.Hit;
import lianshao.rules.RuleMetadata;
import lianshao.rules.RuleSet;

/**
 * Applies the grading steps in the catalogue's order: G1 the rule's own escalation, G2 repetition,
 * G3 sanction period, R1 re-check after rectification, G4 combination on one record, G5 criminal threshold.
 * G2–G4 and R1 never lift a form above {@code liftCap}; only G5 gives form 4. G2, G3 and G5 are computed per
 * subject and the warning takes the highest result.
 */
@Component
public class Grader {

    private final GradingSettings settings;
    private final RecheckSettings recheck;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public Grader(GradingSettings settings, RecheckSettings recheck) {
        this(settings, recheck, java.time.Clock.systemUTC());
    }

    /** {@code clock}: "now" of the re-check period (R1), which runs from a rectification to the raising of a new warning. */
    public Grader(GradingSettings settings, RecheckSettings recheck, java.time.Clock clock) {
        this.settings = settings;
        this.recheck = recheck;
        this.clock = clock;
    }

    /** {@code orgCode}: the record's organisation (the unit R1 compares). */
    public List<GradedHit> grade(RuleSet ruleSet, String recordId, String orgCode, LocalDate occurredOn, List<Hit> hits,
            SubjectHistory stored) {
        SubjectHistory history = new SanctionsReadOnce(stored);
        List<Working> working = new ArrayList<>();
        for (Hit hit : hits) {
            RuleMetadata rule = ruleSet.rule(hit.ruleId()).orElseThrow(
                    () -> new IllegalStateException("hit of unknown rule " + hit.ruleId()));
            Working w = new Working(hit, rule);
            escalation(w, hits);
            repetition(w, recordId, occurredOn, history);
            sanctionPeriod(w, occurredOn, history);
            recheck(w, recordId, orgCode, history);
            working.add(w);
        }
        combination(working);
        for (Working w : working) {
            criminalThreshold(w, recordId, occurredOn, hits, history);
        }
        return working.stream().map(w -> new GradedHit(w.hit, w.rule, w.rule.form(), List.copyOf(w.steps), w.form, w.recurrenceOf))
                .toList();
    }

    private void escalation(Working w, List<Hit> recordHits) {
        int escalated = w.hit.escalatedForm();
        if (escalated > w.form) {
            String reasons = String.join("；", w.hit.escalations().stream()
                    .filter(e -> e.form() > w.rule.form()).map(Hit.Escalation::reason).toList());
            w.move("G1", escalated, "金额/情节升档：" + reasons);
        }
        RuleMetadata.Combination combination = w.rule.combinedWith();
        if (combination != null && combination.form() > w.form) {
            List<String> alsoHit = recordHits.stream().map(Hit::ruleId).filter(combination.ruleIds()::contains).toList();
            if (!alsoHit.isEmpty()) {
                w.move("G1", combination.form(), "同时命中 " + String.join("、", alsoHit) + "，按目录升档");
            }
        }
    }

    /** The first day of G2's window for a record that occurred on {@code day} (the window ends on that day). */
    public LocalDate repetitionFrom(LocalDate day) {
        return day.minusMonths(settings.repetitionMonths());
    }

    private void repetition(Working w, String recordId, LocalDate day, SubjectHistory history) {
        LocalDate from = repetitionFrom(day);
        for (String subject : w.hit.subjects()) {
            int prior = Math.min(history.priorHits(w.rule.id(), subject, from, day, recordId), SubjectHistory.PRIOR_HITS_COUNTED);
            int count = prior + 1;
            if (count >= settings.repetitionCount()) {
                String times = prior == SubjectHistory.PRIOR_HITS_COUNTED ? "超过 " + prior + " 次" : count + " 次";
                w.lift("G2", "同一对象 " + subject + " 在 " + settings.repetitionMonths() + " 个月内被同一规则命中 "
                        + times + "（政务处分法 第十三条(一)；越往后执纪越严）");
                return;
            }
        }
    }

    private void sanctionPeriod(Working w, LocalDate day, SubjectHistory history) {
        for (String subject : w.hit.subjects()) {
            for (SubjectHistory.SanctionPeriod sanction : history.sanctions(subject)) {
                if (sanction.activeOn(day)) {
                    w.lift("G3", "对象 " + subject + " 处于处分/处理影响期内（" + sanction.start() + " 起，"
                            + SupervisionForm.of(sanction.form()).chineseName() + "）（政务处分法 第八条）");
                    return;
                }
            }
        }
    }

    /**
     * R1: the same rule hits the same subject or unit, and this warning is raised within the re-check period after an
     * earlier warning of it was rectified (销号): the rectification did not hold (整改不到位), one form higher, linked
     * to the earlier one.
     */
    private void recheck(Working w, String recordId, String orgCode, SubjectHistory history) {
        LocalDate today = LocalDate.now(clock);
        history.rectified(w.rule.id(), w.hit.subjects(), orgCode, today.minusDays(recheck.recheckDays()), today, recordId)
                .ifPresent(earlier -> {
                    w.recurrenceOf = earlier.warningId();
                    String reason = "整改不到位：同一规则在前次预警 " + earlier.warningId() + " 于 " + earlier.on() + " 整改销号后 "
                            + recheck.recheckDays() + " 天内再次命中同一对象或单位";
                    w.lift("R1", reason);
                });
    }

    private void combination(List<Working> working) {
        long rules = working.stream().map(w -> w.rule.id()).distinct().count();
        if (rules < settings.combinationRules()) {
            return;
        }
        int highest = working.stream().mapToInt(w -> w.form).max().orElse(0);
        int target = Math.min(highest + 1, settings.liftCap());
        for (Working w : working) {
            if (target > w.form) {
                w.move("G4", target, "同一记录命中 " + rules + " 条不同规则，取最高形态加一（政务处分法 第十五条）");
            }
        }
    }

    private void criminalThreshold(Working w, String recordId, LocalDate day, List<Hit> allHits, SubjectHistory history) {
        if (!w.hit.crimeIndicators().isEmpty()) {
            w.move("G5", 4, "达到涉嫌犯罪标准：" + String.join("；", w.hit.crimeIndicators()));
            return;
        }
        LocalDate from = day.minusYears(settings.benefitYears());
        for (Map.Entry<String, BigDecimal> benefit : w.hit.benefits().entrySet()) {
            String subject = benefit.getKey();
            BigDecimal onThisRecord = allHits.stream().map(h -> h.benefits().getOrDefault(subject, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = history.priorBenefit(subject, from, day, recordId).add(onThisRecord);
            boolean sanctionedBefore = history.sanctions(subject).stream().anyMatch(s -> !s.start().isAfter(day));
            BigDecimal threshold = sanctionedBefore ? settings.benefitThresholdWithSanction() : settings.benefitThreshold();
            if (total.compareTo(threshold) >= 0) {
                w.move("G5", 4, "对象 " + subject + " " + settings.benefitYears() + " 年内累计个人获益 "
                        + yuan(total) + "，达到 " + yuan(threshold)
                        + (sanctionedBefore ? "（曾受处分）" : "") + "（两高 2016 解释 第一条：数额较大）");
                return;
            }
        }
    }

    private final class Working {
        final Hit hit;
        final RuleMetadata rule;
        final List<GradingStep> steps = new ArrayList<>();
        int form;
        String recurrenceOf;

        Working(Hit hit, RuleMetadata rule) {
            this.hit = hit;
            this.rule = rule;
            this.form = rule.form();
        }

        void move(String step, int to, String reason) {
            steps.add(new GradingStep(step, form, to, reason));
            form = to;
        }

        /** +1, never above the cap. */
        void lift(String step, String reason) {
            if (form < settings.liftCap()) {
                move(step, form + 1, reason);
            }
        }
    }

    /** G3 and G5 both ask for a subject's sanctions; one record's grading reads them once per subject. */
    private static final class SanctionsReadOnce implements SubjectHistory {
        private final SubjectHistory stored;
        private final java.util.Map<String, List<SanctionPeriod>> sanctions = new java.util.HashMap<>();

        SanctionsReadOnce(SubjectHistory stored) {
            this.stored = stored;
        }

        @Override
        public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
            return stored.priorHits(ruleId, subjectRef, from, to, excludingRecordId);
        }

        @Override
        public java.math.BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
            return stored.priorBenefit(subjectRef, from, to, excludingRecordId);
        }

        @Override
        public java.util.Optional<Rectified> rectified(String ruleId, java.util.Collection<String> subjectRefs, String orgCode,
                LocalDate from, LocalDate to, String excludingRecordId) {
            return stored.rectified(ruleId, subjectRefs, orgCode, from, to, excludingRecordId);
        }

        @Override
        public List<SanctionPeriod> sanctions(String subjectRef) {
            return sanctions.computeIfAbsent(subjectRef, stored::sanctions);
        }
    }

    /** ¥30,000.00, as amounts are written for people. */
    private static String yuan(BigDecimal amount) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("¥#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
