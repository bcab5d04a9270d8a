package lianshao.rules;

import java.util.Map;
import java.util.Optional;

import org.kie.api.KieBase;

import lianshao.facts.Thresholds;

/** A compiled rule set: its rule base, version, the metadata of each catalogue rule and its thresholds. */
public record RuleSet(String version, KieBase kieBase, Map<String, RuleMetadata> rulesById,
        Thresholds thresholds) {

    public Optional<RuleMetadata> rule(String ruleId) {
        return Optional.ofNullable(rulesById.get(ruleId));
    }
}
