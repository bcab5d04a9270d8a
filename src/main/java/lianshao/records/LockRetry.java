package lianshao.records;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

import io.micrometer.core.instrument.Metrics;

/**
 * Runs a whole transaction again when it lost a race that a retry resolves: a deadlock or lock wait
 * (MySQL/MariaDB gap locks of two writers of the same new identity) or a duplicate key of a row that
 * another transaction inserted first (H2 reports it before that row is committed). The transaction is
 * rolled back before each retry, so it starts from what is committed. Retries are counted
 * ({@code lianshao.ingest.lock.retries}, by cause): each one is a transaction's work done again.
 */
final class LockRetry {

    static final int ATTEMPTS = 6;

    private LockRetry() {
    }

    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException | DuplicateKeyException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
                Metrics.counter("lianshao.ingest.lock.retries", "cause",
                        raced instanceof DuplicateKeyException ? "duplicate-key" : "lock").increment();
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(5, 20L << Math.min(attempt, 4));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
