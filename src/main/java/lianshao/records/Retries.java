package lianshao.records;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a transaction again when the database chose it as a deadlock victim or it waited too long for
 * a lock: concurrent writers of neighbouring rows (InnoDB gap locks) can meet that way, and a retry
 * after a short random pause succeeds.
 */
final class Retries {

    static final int ATTEMPTS = 4;

    private Retries() {
    }

    static <T> T onLockConflict(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }
}
