package lianshao.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health shows the active rule-set version. */
@Component("ruleSet")
class RuleSetHealthIndicator implements HealthIndicator {

    private final ActiveRuleSet active;

    RuleSetHealthIndicator(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        RuleSet ruleSet = active.get();
        return Health.up().withDetail("version", ruleSet.version())
                .withDetail("rules", ruleSet.rulesById().size()).build();
    }
}
