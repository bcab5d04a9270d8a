package lianshao.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location            folder holding the {@code .drl} files, {@code thresholds.properties} and the
 *                            rule test files: imported as version 1 when the database holds no rule set
 * @param maxFirings          firing budget of one evaluation: a rule that loops is stopped there
 * @param timeBudget          time budget of one evaluation
 * @param pollInterval        how often every instance looks for a newly activated version
 * @param watch               developer loop: reload the rules folder when its files change
 * @param maxRules            rules in one rule set
 * @param maxPatternsPerRule  fact patterns in one rule
 * @param maxOrDepth          nesting depth of {@code or}
 */
@ConfigurationProperties("lianshao.rules")
public record RulesSettings(
        @DefaultValue("rules") Path location,
        @DefaultValue("10000") int maxFirings,
        @DefaultValue("2s") Duration timeBudget,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("false") boolean watch,
        @DefaultValue("2000") int maxRules,
        @DefaultValue("20") int maxPatternsPerRule,
        @DefaultValue("3") int maxOrDepth) {

    @ConstructorBinding
    public RulesSettings {
    }

    public RulesSettings(Path location, int maxFirings, Duration timeBudget) {
        this(location, maxFirings, timeBudget, Duration.ofSeconds(5), false, SafetyLimits.DEFAULT.maxRules(),
                SafetyLimits.DEFAULT.maxPatternsPerRule(), SafetyLimits.DEFAULT.maxOrDepth());
    }

    public SafetyLimits limits() {
        return new SafetyLimits(maxRules, maxPatternsPerRule, maxOrDepth, SafetyLimits.DEFAULT.maxAlternatives(),
                SafetyLimits.DEFAULT.maxFileChars());
    }

    public RuleCompiler compiler() {
        return new RuleCompiler(limits());
    }
}
