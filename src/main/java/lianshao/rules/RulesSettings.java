package lianshao.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location     folder holding the {@code .drl} files and {@code thresholds.properties}
 * @param maxFirings   firing budget of one evaluation: a rule that loops is stopped there
 * @param timeBudget   time budget of one evaluation
 */
@ConfigurationProperties("lianshao.rules")
public record RulesSettings(
        @DefaultValue("rules") Path location,
        @DefaultValue("10000") int maxFirings,
        @DefaultValue("2s") Duration timeBudget) {
}
