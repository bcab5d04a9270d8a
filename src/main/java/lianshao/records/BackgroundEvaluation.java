package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/**
 * The two background duties: evaluate the records queued after reference-data changes, and retry the
 * evaluations that failed or were cut off. Both claim their work in the database, so several
 * instances can run them side by side.
 *
 * <p>On shutdown ({@link #stop}) no new round starts and a running round takes no further work from
 * the queue: it finishes the records it has claimed, commits them, and then the context closes. What
 * it had not claimed stays in the queue for the next start or another instance.
 */
@Component
public class BackgroundEvaluation implements SmartLifecycle {

    /** How long shutdown waits for the current round (spring.lifecycle.timeout-per-shutdown-phase is 20 s). */
    static final long STOP_WAIT_SECONDS = 15;

    private static final Logger log = LoggerFactory.getLogger(BackgroundEvaluation.class);

    private final ReevaluationQueue queue;
    private final RecordStore store;
    private final RecordEvaluator evaluator;
    private final EvaluationSettings settings;
    private final RecordIngestion ingestion;
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean stopping;

    BackgroundEvaluation(ReevaluationQueue queue, RecordStore store, RecordEvaluator evaluator, EvaluationSettings settings,
            RecordIngestion ingestion) {
        this.queue = queue;
        this.ingestion = ingestion;
        this.store = store;
        this.evaluator = evaluator;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${lianshao.evaluation.poll-interval:2s}", initialDelayString = "${lianshao.evaluation.poll-interval:2s}")
    void poll() {
        if (!running || !round.tryLock()) {
            return;
        }
        try {
            releaseAbandonedHolds();
            drainQueue();
            if (!stopping) {
                retryDue();
            }
        } catch (RuntimeException e) {
            log.warn("background evaluation round failed: {}", e.toString());
        } finally {
            round.unlock();
        }
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Lets the current round finish its claimed records, then returns; no round starts afterwards. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        try {
            if (round.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                round.unlock();
                log.info("background evaluation stopped");
            } else {
                log.warn("background evaluation still busy after {} s; its claimed records are evaluated again after restart",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Evaluates queued records until the queue is empty; returns how many were evaluated. */
    public int drainQueue() {
        int total = 0;
        while (!stopping) {
            LocalDateTime now = Times.nowUtc();
            List<ReevaluationQueue.Claim> claims = queue.claim(settings.workerBatch(), now, now.plusMinutes(5));
            if (claims.isEmpty()) {
                return total;
            }
            List<String> ids = claims.stream().map(ReevaluationQueue.Claim::recordId).toList();
            evaluator.evaluate(ids);
            queue.done(claims);
            total += ids.size();
        }
        return total;
    }

    /**
     * Releases what import jobs have held back for longer than {@code importHoldLimit}: a job that ended without
     * releasing (its instance stopped) or runs that long; its later records are then queued, not lost.
     */
    void releaseAbandonedHolds() {
        for (String job : queue.holdersSince(Times.nowUtc().minus(settings.importHoldLimit()))) {
            int queued = ingestion.releaseHeldReevaluations(job);
            log.info("released the re-evaluations held by import {} for longer than {}: {} records queued", job,
                    settings.importHoldLimit(), queued);
        }
    }

    /** Retries the evaluations that are due; returns how many were tried. */
    public int retryDue() {
        LocalDateTime now = Times.nowUtc();
        List<String> claimed = new ArrayList<>();
        for (String id : store.dueForRetry(now, settings.workerBatch())) {
            if (stopping) {
                break;
            }
            if (store.claimRetry(id, now, now.plus(settings.pendingGrace()))) {
                claimed.add(id);
            }
        }
        claimed.forEach(id -> evaluator.evaluate(List.of(id)));
        return claimed.size();
    }
}
