package lianshao.rules;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Holds the rule set every evaluation uses, with the stored version number it came from and the
 * generation of the activation. Swapping is atomic; an evaluation that has taken the current set
 * finishes on it. An activation older than the one held (a slow poll overtaken by a deployment) is
 * ignored.
 */
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    /** A rule set as activated: from stored version {@code number}, activation {@code generation}. */
    public record Deployment(RuleSet ruleSet, int number, long generation) {
    }

    private final AtomicReference<Deployment> current;
    private final MultiGauge info;

    public ActiveRuleSet(Deployment initial, MeterRegistry meters) {
        this.current = new AtomicReference<>(initial);
        Gauge.builder("lianshao.ruleset.rules", this, a -> a.get().rulesById().size())
                .description("catalogue rules in the active rule set").register(meters);
        Gauge.builder("lianshao.ruleset.active.number", this, a -> a.deployment().number())
                .description("stored version number of the active rule set").register(meters);
        info = MultiGauge.builder("lianshao.ruleset.active")
                .description("the active rule set: 1, tagged with its version (content hash) and number").register(meters);
        publish();
    }

    public RuleSet get() {
        return current.get().ruleSet();
    }

    public Deployment deployment() {
        return current.get();
    }

    /** Makes the given rule set active under the current number and generation; returns the one it replaces. */
    public RuleSet activate(RuleSet ruleSet) {
        Deployment previous = current.getAndUpdate(d -> new Deployment(ruleSet, d.number(), d.generation()));
        log.info("Rule set {} active (was {})", ruleSet.version(), previous.ruleSet().version());
        publish();
        return previous.ruleSet();
    }

    /** Activates a stored version unless a newer activation is already held; true when it was activated. */
    public boolean activate(Deployment next) {
        Deployment previous = current.getAndUpdate(d -> next.generation() >= d.generation() ? next : d);
        if (previous.generation() > next.generation()) {
            log.info("Rule set {} (number {}) not activated: generation {} is newer than {}", next.ruleSet().version(),
                    next.number(), previous.generation(), next.generation());
            return false;
        }
        log.info("Rule set {} active: number {}, generation {} (was {} number {})", next.ruleSet().version(), next.number(),
                next.generation(), previous.ruleSet().version(), previous.number());
        publish();
        return true;
    }

    private synchronized void publish() {
        Deployment deployment = current.get();
        info.register(List.of(MultiGauge.Row.of(Tags.of("version", deployment.ruleSet().version(),
                "number", String.valueOf(deployment.number())), 1)), true);
    }
}
