package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/**
 * The two background duties: evaluate the records queued after reference-data changes, and retry the
 * evaluations that failed or were cut off. Both claim their work in the database, so several
 * instances can run them side by side.
 */
@Component
public class BackgroundEvaluation {

    private static final Logger log = LoggerFactory.getLogger(BackgroundEvaluation.class);

    private final ReevaluationQueue queue;
    private final RecordStore store;
    private final RecordEvaluator evaluator;
    private final EvaluationSettings settings;

    BackgroundEvaluation(ReevaluationQueue queue, RecordStore store, RecordEvaluator evaluator, EvaluationSettings settings) {
        this.queue = queue;
        this.store = store;
        this.evaluator = evaluator;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${lianshao.evaluation.poll-interval:2s}", initialDelayString = "${lianshao.evaluation.poll-interval:2s}")
    void poll() {
        try {
            drainQueue();
            retryDue();
        } catch (RuntimeException e) {
            log.warn("background evaluation round failed: {}", e.toString());
        }
    }

    /** Evaluates queued records until the queue is empty; returns how many were evaluated. */
    public int drainQueue() {
        int total = 0;
        while (true) {
            LocalDateTime now = Times.nowUtc();
            List<String> ids = queue.claim(settings.workerBatch(), now, now.plusMinutes(5));
            if (ids.isEmpty()) {
                return total;
            }
            evaluator.evaluate(ids);
            queue.done(ids);
            total += ids.size();
        }
    }

    /** Retries the evaluations that are due; returns how many were tried. */
    public int retryDue() {
        LocalDateTime now = Times.nowUtc();
        List<String> claimed = new ArrayList<>();
        for (String id : store.dueForRetry(now, settings.workerBatch())) {
            if (store.claimRetry(id, now, now.plus(settings.pendingGrace()))) {
                claimed.add(id);
            }
        }
        claimed.forEach(id -> evaluator.evaluate(List.of(id)));
        return claimed.size();
    }
}
