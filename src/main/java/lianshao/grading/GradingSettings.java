package lianshao.grading;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of the grading steps (catalogue "The four forms and grading").
 *
 * @param repetitionMonths               G2 window
 * @param repetitionCount                G2: hits of one rule on one subject within the window, this one included
 * @param liftCap                        G2–G4 never lift a form above this
 * @param combinationRules               G4: different rules hit on one record
 * @param benefitYears                   G5 window for cumulative personal benefit
 * @param benefitThreshold               G5: 数额较大 (两高 2016 解释 第一条)
 * @param benefitThresholdWithSanction   G5 when the subject was sanctioned before
 */
@ConfigurationProperties("lianshao.grading")
public record GradingSettings(
        @DefaultValue("12") int repetitionMonths,
        @DefaultValue("2") int repetitionCount,
        @DefaultValue("3") int liftCap,
        @DefaultValue("2") int combinationRules,
        @DefaultValue("5") int benefitYears,
        @DefaultValue("30000") BigDecimal benefitThreshold,
        @DefaultValue("10000") BigDecimal benefitThresholdWithSanction) {

    public GradingSettings {
        if (repetitionCount < 1 || repetitionCount > SubjectHistory.PRIOR_HITS_COUNTED + 1) {
            throw new IllegalArgumentException("lianshao.grading.repetition-count must be between 1 and "
                    + (SubjectHistory.PRIOR_HITS_COUNTED + 1) + " (earlier hits are counted up to "
                    + SubjectHistory.PRIOR_HITS_COUNTED + "), not " + repetitionCount);
        }
    }
}
