package lianshao.authoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import lianshao.contract.Domain;
import lianshao.records.RecordReapplication;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSet;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.support.Ids;
import lianshao.support.Times;
import lianshao.warnings.Warnings;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Applying the active rule set to stored records (对存量记录应用新规则集): started only by a supervisor, for a period of
 * the acts and a set of domains within the supervisor's data scope, never on its own. It runs in the background, one
 * run at a time, and raises only the warnings that a record does not have yet for a rule; each raised warning says in
 * its history which version raised it in which run. Start and end are in the rule-set audit trail of that version.
 */
@Service
public class Reapplications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reapplications.class);
    private static final int BATCH = 20;

    private final ReapplicationStore store;
    private final ReapplicationSettings settings;
    private final ActiveRuleSet active;
    private final RecordReapplication records;
    private final RuleSetAudit audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reapplication");
        thread.setDaemon(true);
        return thread;
    });

    Reapplications(ReapplicationStore store, ReapplicationSettings settings, ActiveRuleSet active, RecordReapplication records,
            RuleSetAudit audit) {
        this.store = store;
        this.settings = settings;
        this.active = active;
        this.records = records;
        this.audit = audit;
    }

    public ReapplicationSettings settings() {
        return settings;
    }

    /** Starts a run over the records of the domains that occurred from {@code from} to {@code to} (their own days, inclusive). */
    public synchronized ReapplicationView start(CurrentUser user, LocalDate from, LocalDate to, List<String> domainNames) {
        if (!user.has(Role.SUPERVISOR)) {
            throw new Forbidden("只有监督审批人员可以对存量记录应用规则集 / only a supervisor may apply a rule set to stored records");
        }
        List<String> domains = domains(domainNames);
        if (to.isBefore(from)) {
            throw ValidationFailed.of("to", "结束日期早于开始日期 / to is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > settings.maxDays()) {
            throw ValidationFailed.of("to", "期间超过 " + settings.maxDays() + " 天 / the period is longer than " + settings.maxDays()
                    + " days");
        }
        for (ReapplicationView stale : store.abandonStale(Times.nowUtc().minus(settings.staleAfter()))) {
            log.warn("reapplication {} made no progress for {} and was ended", stale.id(), settings.staleAfter());
            audit.record(stale.version(), "REAPPLY_FAILED", Warnings.SYSTEM, Map.of("reapplication", stale.id(), "records",
                    stale.done(), "failed", stale.failed(), "raised", stale.raised(), "reason", "no progress"));
        }
        if (store.anyRunning()) {
            throw new Conflict("已有一次应用正在进行，请待其结束 / a run is already in progress; wait for it to end");
        }
        List<String> ids = records.candidates(from, to, domains, user.district(), settings.maxRecords() + 1);
        if (ids.size() > settings.maxRecords()) {
            throw ValidationFailed.of("from", "期间内记录超过 " + settings.maxRecords() + " 条，请缩短期间 / more than "
                    + settings.maxRecords() + " records in the period; shorten it");
        }
        ActiveRuleSet.Deployment deployment = active.deployment();
        String id = Ids.newId();
        store.insert(id, deployment.number(), deployment.ruleSet().version(), from, to, domains, user.district(), ids.size(),
                user.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reapplication", id);
        details.put("from", from.toString());
        details.put("to", to.toString());
        details.put("domains", domains);
        details.put("district", user.district() == null ? "" : user.district());
        details.put("records", ids.size());
        audit.record(deployment.number(), "REAPPLY", user.username(), details);
        Warnings.Origin origin = new Warnings.Origin(
                "对存量记录应用规则集第 " + deployment.number() + " 版时产生（运行 " + id + "）/ raised when rule-set version "
                        + deployment.number() + " was applied to stored records (run " + id + ")",
                Map.of("reapplication", id, "ruleSetNumber", deployment.number()));
        executor.submit(() -> run(id, deployment, ids, from, to, origin));
        return store.find(id, null).orElseThrow();
    }

    private static List<String> domains(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ValidationFailed.of("domains", "至少选择一个领域 / choose at least one domain");
        }
        for (String name : names) {
            if (Domain.parse(name).isEmpty()) {
                throw ValidationFailed.of("domains", "未知领域 " + name + " / unknown domain " + name);
            }
        }
        return names.stream().distinct().sorted().toList();
    }

    private void run(String id, ActiveRuleSet.Deployment deployment, List<String> ids, LocalDate from, LocalDate to,
            Warnings.Origin origin) {
        RuleSet ruleSet = deployment.ruleSet();
        int done = 0;
        int failed = 0;
        int raised = 0;
        try {
            for (String recordId : ids) {
                try {
                    raised += records.apply(recordId, ruleSet, from, to, origin);
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("reapplication {}: record {} failed: {}", id, recordId, e.toString());
                }
                done++;
                if (done % BATCH == 0) {
                    store.progress(id, done, failed, raised);
                }
            }
            store.finish(id, "DONE", done, failed, raised, null);
            audit.record(deployment.number(), "REAPPLY_DONE", Warnings.SYSTEM,
                    Map.of("reapplication", id, "records", done, "failed", failed, "raised", raised));
        } catch (RuntimeException e) {
            log.error("reapplication {} failed", id, e);
            store.finish(id, "FAILED", done, failed, raised, e.toString());
            audit.record(deployment.number(), "REAPPLY_FAILED", Warnings.SYSTEM,
                    Map.of("reapplication", id, "records", done, "failed", failed, "raised", raised));
        }
    }

    /** The run, if the reader's data scope covers it. */
    public ReapplicationView view(String id, CurrentUser reader) {
        return store.find(id, reader.district()).orElseThrow(() -> new NotFound("运行 " + id + " 不存在 / no run " + id));
    }

    /** The latest runs the reader's data scope covers, newest first. */
    public List<ReapplicationView> latest(CurrentUser reader, int limit) {
        return store.latest(reader.district(), limit);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
