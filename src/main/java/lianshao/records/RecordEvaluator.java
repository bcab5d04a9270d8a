package lianshao.records;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

import lianshao.contract.Domain;
import lianshao.evaluation.Context;
import lianshao.evaluation.EvaluationBudgetExceeded;
import lianshao.evaluation.EvaluationOutcome;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.Hit;
import lianshao.evaluation.NameLookup;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.grading.GradedHit;
import lianshao.grading.Grader;
import lianshao.reference.ReferenceQueries;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSet;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;
import lianshao.warnings.SystemWarnings;
import lianshao.warnings.Warnings;

/**
 * Evaluates stored records and commits the outcome: warnings and status in one transaction. Several
 * records go in one transaction (batch ingest writes fewer commits); if that fails, each record is
 * retried on its own, and a record whose evaluation fails is stored as EVALUATION_FAILED with its
 * error and a retry time — never lost, and never silent: a record whose evaluation ran out of a budget, or
 * kept failing, raises the system warning SYS-01 in the inspectors' queue (see {@link SystemWarnings}).
 */
@Component
class RecordEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RecordEvaluator.class);

    private final RecordStore store;
    private final ContextLoader contexts;
    private final NameLookup names;
    private final FactMapper mapper;
    private final Evaluator evaluator;
    private final Grader grader;
    private final Warnings warnings;
    private final SystemWarnings systemWarnings;
    private final ActiveRuleSet rules;
    private final TransactionTemplate tx;
    private final EvaluationSettings settings;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> contextSizes = new ConcurrentHashMap<>();

    RecordEvaluator(RecordStore store, ContextLoader contexts, FactMapper mapper, Evaluator evaluator, Grader grader,
            Warnings warnings, SystemWarnings systemWarnings, ActiveRuleSet rules, TransactionTemplate tx,
            EvaluationSettings settings, MeterRegistry meters, ReferenceQueries reference) {
        this.systemWarnings = systemWarnings;
        this.names = new NameLookup(reference::parties, reference::orgs);
        this.store = store;
        this.contexts = contexts;
        this.mapper = mapper;
        this.evaluator = evaluator;
        this.grader = grader;
        this.warnings = warnings;
        this.rules = rules;
        this.tx = tx;
        this.settings = settings;
        this.meters = meters;
        // registered at start, so a dashboard or an alert reads 0 rather than no data before the first failure
        for (Domain domain : Domain.values()) {
            failureCounter(domain.name());
        }
    }

    private Counter failureCounter(String domain) {
        return failures.computeIfAbsent(domain, d -> Counter.builder("lianshao.evaluation.failures")
                .description("evaluations that failed and were kept for retry").tag("domain", d).register(meters));
    }

    /** Evaluates the records, in order; each ends EVALUATED or EVALUATION_FAILED. */
    void evaluate(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        RuleSet ruleSet = rules.get();
        if (recordIds.size() > 1) {
            try {
                tx.executeWithoutResult(status -> evaluateLocked(List.copyOf(recordIds), ruleSet, Map.of(), null));
                return;
            } catch (RuntimeException batchFailure) {
                log.debug("batch evaluation failed, evaluating records one by one", batchFailure);
            }
        }
        for (String id : recordIds) {
            evaluateAlone(id, ruleSet);
        }
    }

    /**
     * A record inserted by the current transaction, as stored: locked by that insert, and read from nowhere else, so
     * neither locked nor read again; it has no warnings yet.
     */
    record Fresh(StoredRecord stored, Collection<RecordKey> keys) {
    }

    /**
     * What the transaction that stored records knows of them: the ones it inserted, key rows it read, and the status of
     * the reposts it found unchanged without reading them again.
     */
    static final class Inserted {
        final Map<String, Fresh> records = new HashMap<>();
        final Map<String, RecordStatus> reposted = new HashMap<>();
        KeyRowsRead keyRows;
    }

    /**
     * Evaluates the records inside the caller's transaction (the one that stored them), with the active
     * rule set; a failure is the caller's to handle.
     */
    void evaluateInTransaction(Collection<String> recordIds, Inserted inserted) {
        if (!recordIds.isEmpty()) {
            evaluateLocked(List.copyOf(recordIds), rules.get(), inserted.records, inserted.keyRows);
        }
    }

    private void evaluateAlone(String id, RuleSet ruleSet) {
        try {
            // a deadlock with a concurrent writer is not a failure of the evaluation: run it again
            LockRetry.run(() -> {
                tx.executeWithoutResult(status -> evaluateLocked(List.of(id), ruleSet, Map.of(), null));
                return null;
            });
        } catch (RuntimeException failure) {
            log.warn("evaluation of record {} failed: {}", id, failure.toString());
            try {
                tx.executeWithoutResult(status -> recordFailure(id, ruleSet, failure));
            } catch (RuntimeException e) {
                // the database itself is failing: the record stays PENDING and the retry worker takes it later
                log.error("could not record the evaluation failure of {}", id, e);
            }
        }
    }

    /**
     * Evaluates the records in the current transaction, in the given order: their rows locked, their
     * context loaded for all of them at once, then each judged, graded and its warnings written (a later
     * record's grading sees the warnings of an earlier one), and finally all marked evaluated and logged.
     */
    private void evaluateLocked(List<String> ids, RuleSet ruleSet, Map<String, Fresh> fresh, KeyRowsRead keyRowsRead) {
        long batchStart = System.nanoTime();
        Map<String, StoredRecord> stored = new HashMap<>();
        store.findAllForUpdate(ids.stream().filter(id -> !fresh.containsKey(id)).toList()).forEach(r -> stored.put(r.id(), r));
        fresh.forEach((id, f) -> stored.put(id, f.stored()));
        List<ContextLoader.Subject> subjects = new ArrayList<>();
        Map<String, Integer> revisions = new HashMap<>();
        Map<String, RecordFact> earlierFacts = new HashMap<>();
        for (String id : ids) {
            StoredRecord record = stored.get(id);
            if (record == null) {
                throw new IllegalStateException("no record " + id);
            }
            Fresh known = fresh.get(id);
            // the stored (canonical) text, not the posted one: a number is read as stored (1.5, not 1.50)
            JsonNode envelope = Json.parse(record.envelope());
            OffsetDateTime occurredAt = OffsetDateTime.parse(envelope.get("occurredAt").asString());
            RecordMeta meta = new RecordMeta(id, record.externalId(), record.source(), record.domain(), record.orgCode(), occurredAt);
            subjects.add(new ContextLoader.Subject(mapper.toFact(meta, envelope.get("payload"), true),
                    known != null ? known.keys() : RecordKeys.of(envelope)));
            revisions.put(id, record.revision());
            earlierFacts.put(id, mapper.toFact(meta, envelope.get("payload"), false));
        }
        contexts.judgedInTransaction(revisions, earlierFacts);
        Warnings.Batch applying = warnings.batch(ids.stream().filter(id -> !fresh.containsKey(id)).toList(),
                ids.stream().filter(fresh::containsKey).toList());
        ContextLoader.Batch batch = contexts.prepare(subjects, ContextLoader.Demand.of(ruleSet), keyRowsRead);
        // the shared loading is spread evenly over the records in the latency metric
        long sharedPerRecord = (System.nanoTime() - batchStart) / ids.size();
        List<RecordStore.Evaluated> evaluated = new ArrayList<>();
        BatchHistory history = new BatchHistory(warnings, applying, batch::loadedSanctions, grader::repetitionFrom);
        // The records whose rules do not see the warnings of the records before them are judged first, and the earlier
        // hits grading counts for all their hits read at once; the others are judged in order, each after the records
        // before it are graded, and read what their own hits need.
        Map<String, EvaluationOutcome> judgedFirst = new HashMap<>();
        Map<String, Long> judgedFirstNanos = new HashMap<>();
        if (subjects.size() > 1) {
            List<BatchHistory.Expected> expected = new ArrayList<>();
            for (ContextLoader.Subject subject : subjects) {
                RecordFact fact = subject.fact();
                if (!batch.seesEarlierWarnings(fact)) {
                    long start = System.nanoTime();
                    EvaluationOutcome outcome = evaluator.evaluate(ruleSet, fact, contextOf(batch, fact), names);
                    judgedFirstNanos.put(fact.recordId(), System.nanoTime() - start);
                    judgedFirst.put(fact.recordId(), outcome);
                    expected.addAll(expected(outcome, fact));
                }
            }
            history.expect(expected);
        }
        for (ContextLoader.Subject subject : subjects) {
            long start = System.nanoTime();
            RecordFact fact = subject.fact();
            StoredRecord record = stored.get(fact.recordId());
            EvaluationOutcome outcome = judgedFirst.get(fact.recordId());
            if (outcome == null) {
                outcome = evaluator.evaluate(ruleSet, fact, contextOf(batch, fact), names);
                // the earlier hits G2 counts for this record's hits, those not read yet, in one read
                history.expect(expected(outcome, fact));
            }
            List<GradedHit> graded = grader.grade(ruleSet, fact.recordId(), record.orgCode(), fact.occurredOn(), outcome.hits(), history);
            batch.judged(fact, graded);
            if (!graded.isEmpty() || applying.hasWarnings(fact.recordId())) {
                warnings.apply(applying, new Warnings.EvaluatedRecord(fact.recordId(), record.revision(), record.domain(), record.orgCode(),
                        Times.toUtc(fact.occurredAt())), graded, ruleSet.version());
            }
            evaluated.add(new RecordStore.Evaluated(fact.recordId(), record.revision(), ruleSet.version(),
                    outcome.hits().stream().map(Hit::ruleId).collect(Collectors.joining(",")), outcome.firings(),
                    outcome.durationMicros()));
            timer(record.domain()).record(System.nanoTime() - start + judgedFirstNanos.getOrDefault(fact.recordId(), 0L) + sharedPerRecord,
                    TimeUnit.NANOSECONDS);
        }
        applying.flush();
        store.markAllEvaluated(evaluated, Times.nowUtc());
    }

    /** The record's context, its count of earlier records noted: what the rule engine's work grows with. */
    private Context contextOf(ContextLoader.Batch batch, RecordFact fact) {
        Context context = batch.contextOf(fact);
        contextSize(fact.domain()).record(context.earlierRecords().size());
        return context;
    }

    /** The subjects and rules of the record's hits, on its day: what G2 counts for them. */
    private static List<BatchHistory.Expected> expected(EvaluationOutcome outcome, RecordFact fact) {
        return outcome.hits().stream().flatMap(h -> h.subjects().stream()
                .map(s -> new BatchHistory.Expected(new Warnings.SubjectRule(s, h.ruleId()), fact.occurredOn()))).distinct().toList();
    }

    private void recordFailure(String id, RuleSet ruleSet, RuntimeException failure) {
        StoredRecord record = store.findForUpdate(id).orElseThrow();
        int attempts = record.attempts() + 1;
        LocalDateTime now = Times.nowUtc();
        String error = describe(failure);
        store.markFailed(id, ruleSet.version(), error, attempts, now.plus(backoff(attempts)), now);
        store.logEvaluation(Ids.newId(), id, record.revision(), ruleSet.version(), RecordStatus.EVALUATION_FAILED.name(),
                "", 0, 0, error, now);
        failureCounter(record.domain()).increment();
        SystemWarnings.Incomplete incomplete = incomplete(failure, attempts, now.plus(backoff(attempts)));
        if (incomplete != null) {
            JsonNode envelope = Json.parse(record.envelope());
            LocalDateTime occurredAt = Times.toUtc(OffsetDateTime.parse(envelope.get("occurredAt").asString()));
            systemWarnings.evaluationIncomplete(new Warnings.EvaluatedRecord(id, record.revision(), record.domain(),
                    record.orgCode(), occurredAt), incomplete, ruleSet.version());
        }
    }

    /**
     * Why the failed evaluation raises SYS-01, or null when it does not (yet). A budget overrun raises it at once:
     * the record itself is what the rules cannot judge within their budgets, and retrying will not change that
     * until the rules or the budgets do. Any other failure is retried quietly {@code failuresBeforeWarning - 1}
     * times first (a passing fault of a rule or of the database should not alarm anyone), then raises it too.
     */
    private SystemWarnings.Incomplete incomplete(RuntimeException failure, int attempts, LocalDateTime nextRetry) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        EvaluationBudgetExceeded budget = budgetExceeded(failure);
        if (budget != null) {
            facts.put("budget", budget.budget().name());
            facts.put("limit", budget.limit());
            facts.put("used", budget.used());
            facts.put("attempts", attempts);
            facts.put("nextRetryAt", Times.offset(nextRetry).toString());
            boolean firings = budget.budget() == EvaluationBudgetExceeded.Budget.FIRINGS;
            String zh = firings
                    ? "规则触发次数超出预算（上限 " + budget.limit() + " 次，已触发 " + budget.used() + " 次）"
                    : "评估耗时超出预算（上限 " + budget.limit() + " 毫秒，已用 " + budget.used() + " 毫秒）";
            String en = firings
                    ? "the rules exceeded the firing budget (limit " + budget.limit() + ", stopped after " + budget.used()
                            + " firings)"
                    : "the evaluation exceeded its time budget (limit " + budget.limit() + " ms, stopped after "
                            + budget.used() + " ms)";
            return new SystemWarnings.Incomplete(firings ? SystemWarnings.Reason.FIRING_BUDGET : SystemWarnings.Reason.TIME_BUDGET,
                    message(zh, attempts), messageEn(en, attempts), facts);
        }
        if (attempts < settings.failuresBeforeWarning()) {
            return null;
        }
        String error = String.valueOf(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        error = error.length() <= 300 ? error : error.substring(0, 300);
        facts.put("error", failure.getClass().getName() + ": " + error);
        facts.put("attempts", attempts);
        facts.put("nextRetryAt", Times.offset(nextRetry).toString());
        return new SystemWarnings.Incomplete(SystemWarnings.Reason.ERROR,
                message("评估连续 " + attempts + " 次失败（" + error + "）", attempts),
                messageEn("the evaluation failed " + attempts + " times in a row (" + error + ")", attempts), facts);
    }

    private static String message(String what, int attempts) {
        return "该记录的评估未完成：" + what + "。规则本应发现的风险未知，请人工审查该记录；系统将按退避间隔自动重试（已尝试 "
                + attempts + " 次）。";
    }

    private static String messageEn(String what, int attempts) {
        return "The evaluation of this record did not complete: " + what + ". What the rules would have found is unknown;"
                + " review the record by hand. It is retried with back-off (" + attempts + " attempts so far).";
    }

    private static EvaluationBudgetExceeded budgetExceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EvaluationBudgetExceeded exceeded) {
                return exceeded;
            }
        }
        return null;
    }

    Duration backoff(int attempts) {
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : delay;
    }

    private static String describe(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() <= 8000 ? trace : trace.substring(0, 8000);
    }

    private DistributionSummary contextSize(String domain) {
        return contextSizes.computeIfAbsent(domain, d -> DistributionSummary.builder("lianshao.evaluation.context.records")
                .description("earlier records in the context of one evaluation").tag("domain", d).register(meters));
    }

    private Timer timer(String domain) {
        return timers.computeIfAbsent(domain, d -> Timer.builder("lianshao.evaluation.latency")
                .description("evaluation of one record: context, rules, grading, warnings").tag("domain", d)
                .publishPercentileHistogram().register(meters));
    }
}
