package lianshao.rules;

import java.util.SortedMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import lianshao.support.PackagedFolders;

/**
 * The active rule set at start-up: the active stored version, compiled and checked. On the very first
 * start (no stored version) the rules folder is imported as version 1 and activated. A rule set that
 * fails its safety check or does not compile stops the start with file, line and reason.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);
    static final String SYSTEM = "system";

    /** The configured rules folder, or the rules packaged with the service when it does not exist. */
    private static java.nio.file.Path folder(RulesSettings settings) {
        return PackagedFolders.resolve(settings.location(), "rules");
    }

    /** Developer loop: reload the rules folder on change (off by default). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lianshao.rules.watch", havingValue = "true")
    RuleFolderWatcher ruleFolderWatcher(RulesSettings settings, ActiveRuleSet active) throws java.io.IOException {
        RuleFolderWatcher watcher = new RuleFolderWatcher(folder(settings), settings.compiler(), active,
                java.time.Duration.ofMillis(300));
        watcher.start();
        return watcher;
    }

    /**
     * A new release of the repository's rules: when the rules folder differs from the active version and
     * that version was itself imported from the folder (no author has deployed a version since), the
     * folder is imported as a new version and activated. When authors have deployed their own version,
     * it stays active and the difference is only logged: an author imports the folder through the API.
     */
    private static ActiveVersionRow importRepositoryUpdate(RulesSettings settings, RuleSetRepository repository,
            RuleCompiler compiler, ActiveVersionRow row) {
        SortedMap<String, String> folder = RuleFiles.readFolder(folder(settings));
        if (folder.isEmpty() || folder.equals(repository.files(row.versionNumber()))) {
            return row;
        }
        if (!repository.importedFromFolder(row.versionNumber())) {
            log.warn("The rules folder {} differs from the active rule set (version {}, deployed by an author); it is not imported."
                    + " Create a version from it through /api/v1/rule-sets to deploy it.", folder(settings).toAbsolutePath(),
                    row.versionNumber());
            return row;
        }
        RuleSource source = RuleSource.fromFiles(folder);
        compiler.compile(source);
        try {
            int number = repository.create(folder, source.version(), row.versionNumber(), SYSTEM, RuleSetRepository.FOLDER_IMPORT,
                    RuleSetStatus.APPROVED);
            repository.activate(number, SYSTEM);
        } catch (org.springframework.dao.DataIntegrityViolationException another) {
            // another instance starting at the same moment imported it first
            return repository.active().orElseThrow();
        }
        ActiveVersionRow now = repository.active().orElseThrow();
        log.info("Rules folder changed: imported as version {} and activated", now.versionNumber());
        return now;
    }

    @Bean
    ActiveRuleSet activeRuleSet(RulesSettings settings, RuleSetRepository repository, MeterRegistry meters) {
        RuleCompiler compiler = settings.compiler();
        if (repository.isEmpty()) {
            SortedMap<String, String> files = RuleFiles.readFolder(folder(settings));
            RuleSource source = files.isEmpty() ? RuleSource.readFolder(folder(settings)) : RuleSource.fromFiles(files);
            RuleSet ruleSet = compiler.compile(source);
            if (repository.importFirst(files, source.version(), SYSTEM)) {
                log.info("Rule set {} imported from {} as version 1: {} catalogue rules from {} files", ruleSet.version(),
                        folder(settings).toAbsolutePath(), ruleSet.rulesById().size(), source.drlFiles().size());
                ActiveVersionRow row = repository.active().orElseThrow();
                return new ActiveRuleSet(new ActiveRuleSet.Deployment(ruleSet, row.versionNumber(), row.generation()), meters);
            }
        }
        ActiveVersionRow row = repository.active()
                .orElseThrow(() -> new IllegalStateException("rule_set_version has rows but rule_set_active has none"));
        row = importRepositoryUpdate(settings, repository, compiler, row);
        RuleSource source = RuleSource.fromFiles(repository.files(row.versionNumber()));
        RuleSet ruleSet = compiler.compile(source);
        log.info("Rule set {} active: stored version {}, {} catalogue rules from {} files", ruleSet.version(),
                row.versionNumber(), ruleSet.rulesById().size(), source.drlFiles().size());
        return new ActiveRuleSet(new ActiveRuleSet.Deployment(ruleSet, row.versionNumber(), row.generation()), meters);
    }
}
