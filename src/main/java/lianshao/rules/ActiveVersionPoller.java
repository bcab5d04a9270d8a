package lianshao.rules;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance looks at the active-version row at a fixed interval; when another instance changed it
 * (a deployment or a rollback), this one loads, compiles, warms and activates that version. A version
 * that does not compile here is logged once and the running set kept.
 */
@Component
public class ActiveVersionPoller {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionPoller.class);

    private final RuleSetRepository repository;
    private final ActiveRuleSet active;
    private final RulesSettings settings;
    private final ObjectProvider<RuleSetWarmer> warmers;
    private volatile long failedGeneration = -1;

    ActiveVersionPoller(RuleSetRepository repository, ActiveRuleSet active, RulesSettings settings,
            ObjectProvider<RuleSetWarmer> warmers) {
        this.repository = repository;
        this.active = active;
        this.settings = settings;
        this.warmers = warmers;
    }

    @Scheduled(fixedDelayString = "${lianshao.rules.poll-interval:5s}", initialDelayString = "${lianshao.rules.poll-interval:5s}")
    void scheduled() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("rule-set poll failed: {}", e.toString());
        }
    }

    /** Looks once; true when a newer version was activated. */
    public synchronized boolean poll() {
        ActiveVersionRow row = repository.active().orElse(null);
        if (row == null || row.generation() <= active.deployment().generation() || row.generation() == failedGeneration) {
            return false;
        }
        Map<String, String> files = repository.files(row.versionNumber());
        RuleSet ruleSet;
        try {
            ruleSet = settings.compiler().compile(RuleSource.fromFiles(files));
        } catch (RuleSetInvalidException e) {
            failedGeneration = row.generation();
            log.error("Stored rule-set version {} cannot be activated here; keeping {}: {}", row.versionNumber(),
                    active.get().version(), e.getMessage());
            return false;
        }
        List<RuleSetWarmer> all = warmers.orderedStream().toList();
        for (RuleSetWarmer warmer : all) {
            try {
                warmer.warm(ruleSet, files);
            } catch (RuntimeException e) {
                log.warn("warming rule-set version {} failed: {}", row.versionNumber(), e.toString());
            }
        }
        return active.activate(new ActiveRuleSet.Deployment(ruleSet, row.versionNumber(), row.generation()));
    }
}
