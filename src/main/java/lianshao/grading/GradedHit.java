package lianshao.grading;

import java.util.List;

import lianshao.evaluation.Hit;
import lianshao.rules.RuleMetadata;

/** A hit with the form it suggests and the steps that led there. */
public record GradedHit(Hit hit, RuleMetadata rule, int baseForm, List<GradingStep> steps, int form) {

    public SupervisionForm supervisionForm() {
        return SupervisionForm.of(form);
    }
}
