package lianshao.rules;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Holds the rule set every evaluation uses. Compiled from the rules folder at start-up: a rule with
 * missing metadata or a compile error stops the start with file, line and reason. Swapping is atomic;
 * an evaluation that has taken the current set finishes on it.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    ActiveRuleSet(RulesSettings settings, MeterRegistry meters) {
        RuleSource source = RuleSource.readFolder(settings.location());
        RuleSet ruleSet = new RuleCompiler().compile(source);
        current.set(ruleSet);
        log.info("Rule set {} active: {} catalogue rules from {} files in {}", ruleSet.version(),
                ruleSet.rulesById().size(), source.drlFiles().size(), settings.location().toAbsolutePath());
        Gauge.builder("lianshao.ruleset.rules", this, a -> a.get().rulesById().size())
                .description("catalogue rules in the active rule set").register(meters);
    }

    public RuleSet get() {
        return current.get();
    }

    /** Makes the given rule set active; returns the one it replaces. */
    public RuleSet activate(RuleSet ruleSet) {
        RuleSet previous = current.getAndSet(ruleSet);
        log.info("Rule set {} active (was {})", ruleSet.version(), previous == null ? "none" : previous.version());
        return previous;
    }
}
