package lianshao.authoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import lianshao.evaluation.Evaluator;
import lianshao.grading.Grader;
import lianshao.records.RecordReplay;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleChanges;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RuleSetRepository;
import lianshao.support.Ids;
import lianshao.warnings.Warnings;
import lianshao.web.Conflict;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Backtests: a version run over the stored records of a date range in the background, each record
 * evaluated and graded in memory with the version and with the baseline (the version active when the
 * backtest started), the differences stored. Only the rules the version changes are judged, on the records of
 * the domains they can fire on ({@link RuleChanges}, {@link BacktestComparison}); the other records are skipped.
 * Stored warnings are only read (grading history); nothing is written to them. Cancellable; progress in the
 * database, so any instance can report it.
 */
@Service
public class Backtests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backtests.class);
    static final int MAX_RECORDS = 200_000;
    static final int MAX_DAYS = 3 * 366;
    /**
     * Records judged per chunk, their contexts loaded together: the newest earlier records of each shared key are read
     * once per chunk, so larger chunks read less per record (100,000 stored records: 177 s with 50, 128 s with 200, 105 s with 500).
     */
    private static final int BATCH = 500;

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
    /** The threads a backtest's chunks are judged on (one backtest runs at a time, on {@link #executor}). */
    private final ExecutorService chunkThreads;

    Backtests(BacktestStore store, RuleSetRepository repository, RuleSetChecks checks, ActiveRuleSet active,
            RecordReplay replay, Evaluator evaluator, Grader grader, Warnings warnings, RuleSetAudit audit, DraftRuns draftRuns) {
        this.draftRuns = draftRuns;
        AtomicInteger threads = new AtomicInteger();
        this.chunkThreads = Executors.newFixedThreadPool(Math.max(1, draftRuns.backtestThreads()), r -> {
            Thread thread = new Thread(r, "backtest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
            ActiveRuleSet.Deployment baseline = active.deployment();
            Prepared prepared = draftRuns.run(() -> prepare(version, baseline));
            if (!prepared.compiled().valid()) {
                throw new RuleSetRefused("版本未通过校验，无法回测 / the version does not validate; it cannot be backtested",
                        prepared.compiled().problems(), List.of());
            }
            RuleSet candidate = prepared.compiled().ruleSet();
            BacktestComparison comparison = prepared.comparison();
            // a record's day is its own calendar day; the stored time is UTC: take a day more on each side, filter exactly later
            List<RecordReplay.Listed> listed = replay.listedBetween(from.minusDays(1).atStartOfDay(), to.plusDays(2).atStartOfDay(),
                    MAX_RECORDS + 1);
            if (listed.size() > MAX_RECORDS) {
                throw ValidationFailed.of("from", "范围内记录超过 " + MAX_RECORDS + " 条，请缩小范围 / more than " + MAX_RECORDS
                        + " records in the range; narrow it");
            }
            // records of domains no changed rule can fire on are not loaded: they cannot differ
            List<String> ids = listed.stream().filter(r -> comparison.affects(r.domain())).map(RecordReplay.Listed::id).toList();
            int skipped = listed.size() - ids.size();
            RuleChanges changes = comparison.changes();
            String judged = changes.everything() ? null : String.join(",", changes.ruleIds());
            String id = Ids.newId();
            store.insert(id, version, baseline.number(), baseline.ruleSet().version(), candidate.version(), from, to,
                    listed.size(), skipped, judged, changes.fallback(), actor);
            Map<String, Object> details = new LinkedHashMap<>(Map.of("backtest", id, "from", from.toString(), "to", to.toString(),
                    "records", listed.size(), "baseline", baseline.number(), "skipped", skipped));
            details.put("judgedRules", judged == null ? "ALL" : judged);
            audit.record(version, "BACKTEST", actor, details);
            long deadline = System.nanoTime() + draftRuns.backtestTimeLimit().toNanos();
            executor.submit(() -> {
                try {
                    run(id, comparison, ids, skipped, from, to, deadline);
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

    /** How a backtest of the version started now would compare records (null when the version does not validate). */
    BacktestComparison comparison(int version) {
        return draftRuns.run(() -> prepare(version, active.deployment())).comparison();
    }

    /** The draft compiled and, when it validates, how its backtest compares records. */
    private record Prepared(RuleSetChecks.Compiled compiled, BacktestComparison comparison) {
    }

    /**
     * Compiles the version and finds what it changes against the baseline ({@link RuleChanges}); when only some rules
     * change, both versions restricted to them are compiled too. Whatever prevents that judges every rule.
     */
    private Prepared prepare(int version, ActiveRuleSet.Deployment baseline) {
        Map<String, String> files = repository.files(version);
        RuleSetChecks.Compiled compiled = checks.compile(files);
        if (!compiled.valid()) {
            return new Prepared(compiled, null);
        }
        RuleSet candidate = compiled.ruleSet();
        RuleSource activeSource = RuleSource.fromFiles(repository.files(baseline.number()));
        RuleSource draftSource = RuleSource.fromFiles(files);
        RuleChanges changes = activeSource.version().equals(baseline.ruleSet().version())
                ? RuleChanges.between(activeSource, draftSource)
                : RuleChanges.everything("生效版本的文件与其规则库不一致 / the active version's files are not those its rule base was built from");
        RuleSet narrowBaseline = null;
        RuleSet narrowCandidate = null;
        if (!changes.everything()) {
            RuleSetChecks.Compiled a = checks.compile(changes.narrowed(activeSource));
            RuleSetChecks.Compiled b = checks.compile(changes.narrowed(draftSource));
            if (a.valid() && b.valid()) {
                narrowBaseline = a.ruleSet();
                narrowCandidate = b.ruleSet();
            } else {
                log.warn("backtest of version {}: the changed rules alone do not compile, every rule is judged: {} {}", version,
                        a.problems(), b.problems());
                changes = RuleChanges.everything("改动的规则无法单独编译 / the changed rules do not compile on their own");
            }
        }
        log.info("backtest of version {} against {}: {}", version, baseline.number(),
                changes.everything() ? "every rule (" + changes.fallback() + ")" : "rules " + changes.rules());
        return new Prepared(compiled, new BacktestComparison(baseline.ruleSet(), candidate, changes, narrowBaseline,
                narrowCandidate, evaluator, grader, warnings));
    }

    /**
     * Judges the records chunk by chunk on {@link DraftRuns#backtestThreads()} threads. Skipped records count as
     * done from the start; progress, the cancellation and the time limit are looked at after every chunk.
     */
    private void run(String id, BacktestComparison comparison, List<String> ids, int skipped, LocalDate from, LocalDate to,
            long deadline) {
        Progress progress = new Progress(id, skipped);
        int chunks = (ids.size() + BATCH - 1) / BATCH;
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, draftRuns.backtestThreads()); t++) {
            workers.add(chunkThreads.submit(() -> {
                try {
                    for (int c = next.getAndIncrement(); c < chunks && progress.going(deadline); c = next.getAndIncrement()) {
                        List<String> chunk = ids.subList(c * BATCH, Math.min(ids.size(), (c + 1) * BATCH));
                        List<BacktestItem> items = new ArrayList<>();
                        int failed = compareAll(id, chunk, comparison, from, to, items);
                        store.addItems(id, items);
                        progress.add(chunk.size(), failed);
                    }
                } catch (RuntimeException e) {
                    // the other threads start no further chunk
                    progress.failedWith(e);
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                progress.failedWith(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.failedWith(e);
            }
        }
        progress.finish();
    }

    /** The counts of a running backtest, shared by its chunk threads, and how it stopped. */
    private final class Progress {
        private final String id;
        private int done;
        private int failed;
        private String stopped;
        private Throwable error;

        Progress(String id, int skipped) {
            this.id = id;
            this.done = skipped;
        }

        synchronized void add(int records, int failedRecords) {
            done += records;
            failed += failedRecords;
            store.progress(id, done, failed);
        }

        /** False once the backtest was cancelled, reached its time limit or failed: no more chunks are started. */
        synchronized boolean going(long deadline) {
            if (stopped != null || error != null) {
                return false;
            }
            if (!"RUNNING".equals(store.status(id))) {
                stopped = "CANCELLED";
            } else if (System.nanoTime() - deadline > 0) {
                stopped = "TIME";
            }
            return stopped == null;
        }

        synchronized void failedWith(Throwable e) {
            if (error == null) {
                error = e;
            }
        }

        synchronized void finish() {
            if (error != null) {
                log.error("backtest {} failed", id, error);
                store.finish(id, "FAILED", done, failed, error.toString());
            } else if ("CANCELLED".equals(stopped)) {
                log.info("backtest {} cancelled after {} records", id, done);
                store.progress(id, done, failed);
            } else if ("TIME".equals(stopped)) {
                log.info("backtest {} stopped at its time limit after {} records", id, done);
                store.finish(id, "FAILED", done, failed, "超过回测时限 " + draftRuns.backtestTimeLimit() + "，已停止 / stopped at "
                        + "the backtest time limit of " + draftRuns.backtestTimeLimit());
            } else {
                store.finish(id, "DONE", done, failed, null);
            }
        }
    }

    /**
     * Compares a chunk of records, their contexts loaded together; when that load fails, record by record, so that
     * only the records that cannot be loaded count as failed. Returns how many failed.
     */
    private int compareAll(String id, List<String> chunk, BacktestComparison comparison, LocalDate from, LocalDate to,
            List<BacktestItem> items) {
        List<RecordReplay.Replayed> loaded;
        try {
            loaded = replay.loadAll(chunk);
        } catch (RuntimeException e) {
            log.debug("backtest {}: a chunk failed to load, records one by one: {}", id, e.toString());
            int failed = 0;
            for (String recordId : chunk) {
                try {
                    replay.load(recordId).ifPresent(r -> compareInRange(r, comparison, from, to, items));
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
                compareInRange(r, comparison, from, to, items);
            } catch (RuntimeException e) {
                failed++;
                log.debug("backtest {}: record {} failed: {}", id, r.recordId(), e.toString());
            }
        }
        return failed;
    }

    private static void compareInRange(RecordReplay.Replayed r, BacktestComparison comparison, LocalDate from, LocalDate to,
            List<BacktestItem> items) {
        LocalDate day = r.fact().occurredOn();
        if (!day.isBefore(from) && !day.isAfter(to)) {
            items.addAll(comparison.differences(r));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        chunkThreads.shutdownNow();
    }
}
