package lianshao.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health shows the active rule-set version (content hash) and the stored version number. */
@Component("ruleSet")
class RuleSetHealthIndicator implements HealthIndicator {

    private final ActiveRuleSet active;

    RuleSetHealthIndicator(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        ActiveRuleSet.Deployment deployment = active.deployment();
        RuleSet ruleSet = deployment.ruleSet();
        return Health.up().withDetail("version", ruleSet.version()).withDetail("number", deployment.number())
                .withDetail("generation", deployment.generation())
                .withDetail("rules", ruleSet.rulesById().size()).build();
    }
}
