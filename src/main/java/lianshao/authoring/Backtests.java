package lianshao.authoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import lianshao.evaluation.Evaluator;
import lianshao.evaluation.Hit;
import lianshao.grading.GradedHit;
import lianshao.grading.Grader;
import lianshao.records.RecordReplay;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSetRepository;
import lianshao.support.Ids;
import lianshao.warnings.Warnings;
import lianshao.web.Conflict;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Backtests: a version run over the stored records of a date range in the background, each record
 * evaluated and graded in memory with the version and with the baseline (the version active when the
 * backtest started), the differences stored. Stored warnings are only read (grading history); nothing
 * is written to them. Cancellable; progress in the database, so any instance can report it.
 */
@Service
public class Backtests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backtests.class);
    static final int MAX_RECORDS = 200_000;
    static final int MAX_DAYS = 3 * 366;
    private static final int BATCH = 50;

    private final BacktestStore store;
    private final RuleSetRepository repository;
    private final RuleSetChecks checks;
    private final ActiveRuleSet active;
    private final RecordReplay replay;
    private final Evaluator evaluator;
    private final Grader grader;
    private final Warnings warnings;
    private final RuleSetAudit audit;
    private final DraftRuns draftRuns;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backtest");
        thread.setDaemon(true);
        return thread;
    });

    Backtests(BacktestStore store, RuleSetRepository repository, RuleSetChecks checks, ActiveRuleSet active,
            RecordReplay replay, Evaluator evaluator, Grader grader, Warnings warnings, RuleSetAudit audit, DraftRuns draftRuns) {
        this.draftRuns = draftRuns;
        this.store = store;
        this.repository = repository;
        this.checks = checks;
        this.active = active;
        this.replay = replay;
        this.evaluator = evaluator;
        this.grader = grader;
        this.warnings = warnings;
        this.audit = audit;
    }

    /** Starts a backtest of the version over records that occurred from {@code from} to {@code to} (inclusive). */
    public BacktestView start(int version, LocalDate from, LocalDate to, String actor) {
        repository.find(version).orElseThrow(() -> new NotFound("规则集版本 " + version + " 不存在 / no rule-set version " + version));
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ValidationFailed.of("to", "日期范围无效（to 不早于 from，最长 " + MAX_DAYS + " 天）/ invalid range (to not before from, at most "
                    + MAX_DAYS + " days)");
        }
        // a slot (running or queued) first: a full queue is refused before anything is compiled or loaded
        draftRuns.reserveBacktest();
        boolean submitted = false;
        try {
            RuleSetChecks.Compiled compiled = draftRuns.run(() -> checks.compile(repository.files(version)));
            if (!compiled.valid()) {
                throw new RuleSetRefused("版本未通过校验，无法回测 / the version does not validate; it cannot be backtested",
                        compiled.problems(), List.of());
            }
            ActiveRuleSet.Deployment baseline = active.deployment();
            // a record's day is its own calendar day; the stored time is UTC: take a day more on each side, filter exactly later
            List<String> ids = replay.idsBetween(from.minusDays(1).atStartOfDay(), to.plusDays(2).atStartOfDay(), MAX_RECORDS + 1);
            if (ids.size() > MAX_RECORDS) {
                throw ValidationFailed.of("from", "范围内记录超过 " + MAX_RECORDS + " 条，请缩小范围 / more than " + MAX_RECORDS
                        + " records in the range; narrow it");
            }
            String id = Ids.newId();
            store.insert(id, version, baseline.number(), baseline.ruleSet().version(), compiled.ruleSet().version(), from, to,
                    ids.size(), actor);
            audit.record(version, "BACKTEST", actor, Map.of("backtest", id, "from", from.toString(), "to", to.toString(),
                    "records", ids.size(), "baseline", baseline.number()));
            long deadline = System.nanoTime() + draftRuns.backtestTimeLimit().toNanos();
            executor.submit(() -> {
                try {
                    run(id, compiled.ruleSet(), baseline.ruleSet(), ids, from, to, deadline);
                } finally {
                    draftRuns.backtestDone();
                }
            });
            submitted = true;
            return view(id, version);
        } finally {
            if (!submitted) {
                draftRuns.backtestDone();
            }
        }
    }

    /** The backtest with its counts of the whole city. */
    public BacktestView view(String id, int version) {
        return view(id, version, null);
    }

    /** The backtest with its counts of differences within the district (null: the whole city). */
    public BacktestView view(String id, int version, String district) {
        return store.find(id, version, district).orElseThrow(() -> new NotFound("回测 " + id + " 不存在 / no backtest " + id));
    }

    /** Differences of records of organisations in the district (null: the whole city). */
    public List<BacktestItem> items(String id, int version, String change, int limit, int offset, String district) {
        view(id, version, district);
        return store.items(id, change, limit, offset, district);
    }

    public BacktestView cancel(String id, int version, String actor) {
        BacktestView view = view(id, version);
        if (!store.cancel(id)) {
            throw new Conflict("回测已结束（" + view.status() + "）/ the backtest is no longer running (" + view.status() + ")");
        }
        audit.record(version, "BACKTEST_CANCEL", actor, Map.of("backtest", id));
        return view(id, version);
    }

    private void run(String id, RuleSet candidate, RuleSet baseline, List<String> ids, LocalDate from, LocalDate to, long deadline) {
        int done = 0;
        int failed = 0;
        try {
            for (int first = 0; first < ids.size(); first += BATCH) {
                if (first > 0) {
                    store.progress(id, done, failed);
                    if (!"RUNNING".equals(store.status(id))) {
                        log.info("backtest {} cancelled after {} records", id, done);
                        return;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        log.info("backtest {} stopped at its time limit after {} records", id, done);
                        store.finish(id, "FAILED", done, failed, "超过回测时限 " + draftRuns.backtestTimeLimit() + "，已停止 / stopped at "
                                + "the backtest time limit of " + draftRuns.backtestTimeLimit());
                        return;
                    }
                }
                List<String> chunk = ids.subList(first, Math.min(ids.size(), first + BATCH));
                List<BacktestItem> items = new ArrayList<>();
                failed += compareAll(id, chunk, baseline, candidate, from, to, items);
                store.addItems(id, items);
                done += chunk.size();
            }
            store.finish(id, "DONE", done, failed, null);
        } catch (RuntimeException e) {
            log.error("backtest {} failed", id, e);
            store.finish(id, "FAILED", done, failed, e.toString());
        }
    }

    /**
     * Compares a chunk of records, their contexts loaded together; when that load fails, record by record, so that
     * only the records that cannot be loaded count as failed. Returns how many failed.
     */
    private int compareAll(String id, List<String> chunk, RuleSet baseline, RuleSet candidate, LocalDate from, LocalDate to,
            List<BacktestItem> items) {
        List<RecordReplay.Replayed> loaded;
        try {
            loaded = replay.loadAll(chunk);
        } catch (RuntimeException e) {
            log.debug("backtest {}: a chunk failed to load, records one by one: {}", id, e.toString());
            int failed = 0;
            for (String recordId : chunk) {
                try {
                    replay.load(recordId).ifPresent(r -> compareInRange(r, baseline, candidate, from, to, items));
                } catch (RuntimeException single) {
                    failed++;
                    log.debug("backtest {}: record {} failed: {}", id, recordId, single.toString());
                }
            }
            return failed;
        }
        int failed = 0;
        for (RecordReplay.Replayed r : loaded) {
            try {
                compareInRange(r, baseline, candidate, from, to, items);
            } catch (RuntimeException e) {
                failed++;
                log.debug("backtest {}: record {} failed: {}", id, r.recordId(), e.toString());
            }
        }
        return failed;
    }

    private void compareInRange(RecordReplay.Replayed r, RuleSet baseline, RuleSet candidate, LocalDate from, LocalDate to,
            List<BacktestItem> items) {
        LocalDate day = r.fact().occurredOn();
        if (!day.isBefore(from) && !day.isAfter(to)) {
            items.addAll(compare(r, baseline, candidate));
        }
    }

    /** The differences between the graded warnings of the baseline and of the candidate on one record. */
    private List<BacktestItem> compare(RecordReplay.Replayed r, RuleSet baseline, RuleSet candidate) {
        Map<String, GradedHit> before = graded(r, baseline);
        Map<String, GradedHit> after = graded(r, candidate);
        List<BacktestItem> items = new ArrayList<>();
        for (Map.Entry<String, GradedHit> e : after.entrySet()) {
            GradedHit old = before.get(e.getKey());
            if (old == null) {
                items.add(item(r, e.getKey(), "APPEAR", null, e.getValue().form(), e.getValue().hit()));
            } else if (old.form() != e.getValue().form()) {
                items.add(item(r, e.getKey(), "CHANGE", old.form(), e.getValue().form(), e.getValue().hit()));
            }
        }
        for (Map.Entry<String, GradedHit> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                items.add(item(r, e.getKey(), "DISAPPEAR", e.getValue().form(), null, e.getValue().hit()));
            }
        }
        return items;
    }

    private Map<String, GradedHit> graded(RecordReplay.Replayed r, RuleSet ruleSet) {
        List<Hit> hits = evaluator.evaluate(ruleSet, r.fact(), r.context()).hits();
        Map<String, GradedHit> byRule = new LinkedHashMap<>();
        for (GradedHit g : grader.grade(ruleSet, r.recordId(), r.orgCode(), r.fact().occurredOn(), hits, warnings)) {
            byRule.put(g.hit().ruleId(), g);
        }
        return byRule;
    }

    private static BacktestItem item(RecordReplay.Replayed r, String ruleId, String change, Integer before, Integer after, Hit hit) {
        return new BacktestItem(r.recordId(), r.externalId(), ruleId, change, r.domain(), r.orgCode(),
                r.occurredAt().withOffsetSameInstant(ZoneOffset.UTC), before, after, hit.message());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
