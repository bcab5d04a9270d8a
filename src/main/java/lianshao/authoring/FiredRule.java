package lianshao.authoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import lianshao.evaluation.Hit;
import lianshao.rules.RuleMetadata;
import lianshao.rules.RuleSet;

/** A rule that fired on a test or ad-hoc record, and why: its message, evidence and grading hints. */
public record FiredRule(String rule, String title, int baseForm, int escalatedForm, String message, String messageEn,
        List<String> subjects, List<String> counterparties, Map<String, Object> evidence, List<Hit.Escalation> escalations,
        Map<String, BigDecimal> benefits, List<String> crimeIndicators) {

    static FiredRule of(Hit hit, RuleSet ruleSet) {
        RuleMetadata rule = ruleSet.rule(hit.ruleId()).orElse(null);
        return new FiredRule(hit.ruleId(), rule == null ? null : rule.title(), rule == null ? 0 : rule.form(),
                hit.escalatedForm(), hit.message(), hit.messageEn(), hit.subjects(), hit.counterparties(), hit.evidence(),
                hit.escalations(), hit.benefits(), hit.crimeIndicators());
    }
}
