package lianshao.grading;

import java.util.List;

import lianshao.evaluation.Hit;
import lianshao.rules.RuleMetadata;

/**
 * A hit with the form it suggests and the steps that led there. {@code recurrenceOf}: the rectified warning this
 * hit repeats (R1, 整改不到位), or null.
 */
public record GradedHit(Hit hit, RuleMetadata rule, int baseForm, List<GradingStep> steps, int form, String recurrenceOf) {

    public SupervisionForm supervisionForm() {
        return SupervisionForm.of(form);
    }
}
