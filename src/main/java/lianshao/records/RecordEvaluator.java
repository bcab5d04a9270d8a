package lianshao.records;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

import lianshao.evaluation.EvaluationOutcome;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.Hit;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.grading.GradedHit;
import lianshao.grading.Grader;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSet;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;
import lianshao.warnings.Warnings;

/**
 * Evaluates stored records and commits the outcome: warnings and status in one transaction. Several
 * records go in one transaction (batch ingest writes fewer commits); if that fails, each record is
 * retried on its own, and a record whose evaluation fails is stored as EVALUATION_FAILED with its
 * error and a retry time — never lost.
 */
@Component
class RecordEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RecordEvaluator.class);

    private final RecordStore store;
    private final ContextLoader contexts;
    private final FactMapper mapper;
    private final Evaluator evaluator;
    private final Grader grader;
    private final Warnings warnings;
    private final ActiveRuleSet rules;
    private final TransactionTemplate tx;
    private final EvaluationSettings settings;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    RecordEvaluator(RecordStore store, ContextLoader contexts, FactMapper mapper, Evaluator evaluator, Grader grader,
            Warnings warnings, ActiveRuleSet rules, TransactionTemplate tx, EvaluationSettings settings,
            MeterRegistry meters) {
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
    }

    /** Evaluates the records, in order; each ends EVALUATED or EVALUATION_FAILED. */
    void evaluate(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        RuleSet ruleSet = rules.get();
        try {
            tx.executeWithoutResult(status -> recordIds.forEach(id -> evaluateLocked(id, ruleSet)));
        } catch (RuntimeException batchFailure) {
            if (recordIds.size() > 1) {
                log.debug("batch evaluation failed, evaluating records one by one", batchFailure);
            }
            for (String id : recordIds) {
                evaluateAlone(id, ruleSet);
            }
        }
    }

    private void evaluateAlone(String id, RuleSet ruleSet) {
        try {
            // a deadlock with a concurrent writer is not a failure of the evaluation: run it again
            LockRetry.run(() -> {
                tx.executeWithoutResult(status -> evaluateLocked(id, ruleSet));
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

    private void evaluateLocked(String id, RuleSet ruleSet) {
        StoredRecord record = store.findForUpdate(id).orElseThrow(() -> new IllegalStateException("no record " + id));
        long start = System.nanoTime();
        JsonNode envelope = Json.parse(record.envelope());
        OffsetDateTime occurredAt = OffsetDateTime.parse(envelope.get("occurredAt").asString());
        RecordMeta meta = new RecordMeta(id, record.externalId(), record.source(), record.domain(), record.orgCode(), occurredAt);
        RecordFact fact = mapper.toFact(meta, envelope.get("payload"), true);
        EvaluationOutcome outcome = evaluator.evaluate(ruleSet, fact, contexts.load(fact));
        List<GradedHit> graded = grader.grade(ruleSet, id, fact.occurredOn(), outcome.hits(), warnings);
        LocalDateTime now = Times.nowUtc();
        warnings.apply(new Warnings.EvaluatedRecord(id, record.revision(), record.domain(), record.orgCode(),
                Times.toUtc(occurredAt)), graded, ruleSet.version());
        store.markEvaluated(id, ruleSet.version(), now);
        store.logEvaluation(Ids.newId(), id, record.revision(), ruleSet.version(), RecordStatus.EVALUATED.name(),
                outcome.hits().stream().map(Hit::ruleId).collect(Collectors.joining(",")), outcome.firings(),
                outcome.durationMicros(), null, now);
        timer(record.domain()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void recordFailure(String id, RuleSet ruleSet, RuntimeException failure) {
        StoredRecord record = store.findForUpdate(id).orElseThrow();
        int attempts = record.attempts() + 1;
        LocalDateTime now = Times.nowUtc();
        String error = describe(failure);
        store.markFailed(id, ruleSet.version(), error, attempts, now.plus(backoff(attempts)), now);
        store.logEvaluation(Ids.newId(), id, record.revision(), ruleSet.version(), RecordStatus.EVALUATION_FAILED.name(),
                "", 0, 0, error, now);
        failures.computeIfAbsent(record.domain(), d -> Counter.builder("lianshao.evaluation.failures")
                .description("evaluations that failed and were kept for retry").tag("domain", d).register(meters))
                .increment();
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

    private Timer timer(String domain) {
        return timers.computeIfAbsent(domain, d -> Timer.builder("lianshao.evaluation.latency")
                .description("evaluation of one record: context, rules, grading, warnings").tag("domain", d)
                .publishPercentileHistogram().register(meters));
    }
}
