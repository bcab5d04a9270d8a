package lianshao.authoring;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSetStatus;
import lianshao.rules.RuleSetWarmer;

/**
 * Puts a version into service off the request path, one deployment at a time: build the rule base,
 * warm it with sample records, make it the active version in the database (one transaction), then swap
 * it in atomically here. Other instances follow through their poll. Evaluations already running finish
 * on the rule set they took.
 */
@Component
public class RuleSetDeployer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetDeployer.class);

    /** How a deployment ended. */
    public record Outcome(int version, boolean activated, String detail) {
    }

    private final RuleSetRepository repository;
    private final RuleSetChecks checks;
    private final RuleSetWarmer warmer;
    private final ActiveRuleSet active;
    private final RuleSetAudit audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rule-set-deployer");
        thread.setDaemon(true);
        return thread;
    });

    RuleSetDeployer(RuleSetRepository repository, RuleSetChecks checks, RuleSetWarmer warmer, ActiveRuleSet active,
            RuleSetAudit audit) {
        this.repository = repository;
        this.checks = checks;
        this.warmer = warmer;
        this.active = active;
        this.audit = audit;
    }

    /**
     * Deploys the version in the background.
     *
     * @param revertTo the status the version returns to when it cannot be activated (null: unchanged)
     */
    public CompletableFuture<Outcome> deploy(int version, String actor, String action, RuleSetStatus revertTo) {
        return CompletableFuture.supplyAsync(() -> run(version, actor, action, revertTo), executor);
    }

    private Outcome run(int version, String actor, String action, RuleSetStatus revertTo) {
        try {
            Map<String, String> files = repository.files(version);
            RuleSetChecks.Compiled compiled = checks.compile(files);
            if (!compiled.valid()) {
                return failed(version, actor, revertTo, "版本无法编译：" + compiled.problems() + " / the version does not compile: " + compiled.problems());
            }
            RuleSet ruleSet = compiled.ruleSet();
            warmer.warm(ruleSet, files);
            String previous = active.get().version();
            int previousNumber = active.deployment().number();
            long generation = repository.activate(version, actor);
            active.activate(new ActiveRuleSet.Deployment(ruleSet, version, generation));
            audit.record(version, action, actor, Map.of("contentHash", ruleSet.version(), "previousVersion", previousNumber,
                    "previousContentHash", previous, "generation", generation));
            return new Outcome(version, true, ruleSet.version());
        } catch (RuntimeException e) {
            log.error("deployment of rule-set version {} failed", version, e);
            return failed(version, actor, revertTo, "部署失败：" + e + " / deployment failed: " + e);
        }
    }

    private Outcome failed(int version, String actor, RuleSetStatus revertTo, String reason) {
        if (revertTo != null) {
            repository.changeStatus(version, RuleSetStatus.APPROVED, revertTo, reason);
        }
        audit.record(version, "DEPLOY_FAILED", actor, Map.of("reason", reason));
        return new Outcome(version, false, reason);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
