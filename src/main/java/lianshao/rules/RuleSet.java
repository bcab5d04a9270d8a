package lianshao.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.kie.api.KieBase;

import lianshao.facts.Thresholds;

/**
 * A compiled rule set: its rule base, version, the metadata of each catalogue rule, its thresholds and
 * the effective dates of the rules that carry them (by package and rule name).
 */
public record RuleSet(String version, KieBase kieBase, Map<String, RuleMetadata> rulesById,
        Thresholds thresholds, Map<String, RuleValidity> validity) {

    public RuleSet(String version, KieBase kieBase, Map<String, RuleMetadata> rulesById, Thresholds thresholds) {
        this(version, kieBase, rulesById, thresholds, Map.of());
    }

    /** True when the rule of the rule base is in force on the day (rules without dates always are). */
    public boolean inForce(String packageName, String ruleName, LocalDate day) {
        RuleValidity dates = validity.get(RuleValidity.key(packageName, ruleName));
        return dates == null || dates.inForceOn(day);
    }

    public boolean hasEffectiveDates() {
        return !validity.isEmpty();
    }

    public Optional<RuleMetadata> rule(String ruleId) {
        return Optional.ofNullable(rulesById.get(ruleId));
    }
}
