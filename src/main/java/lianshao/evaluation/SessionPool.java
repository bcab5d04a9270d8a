package lianshao.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * Sessions of a rule base, kept for reuse: a new session builds the memory of every node of the network as the
 * facts reach it, which cost as much as a fifth of judging a record; a session reset after use keeps that memory.
 * A session is handed to one evaluation at a time and reset (facts, agenda, listeners) before it goes back.
 * A session that may have been halted by the time budget's watchdog is not kept: the watchdog could halt it again
 * in the middle of the next evaluation.
 * Sessions are kept for the few rule bases used last only: a session holds its rule base, so a pool keyed weakly by
 * rule base never let one go, and every draft tested and every version deployed kept its generated classes.
 */
final class SessionPool {

    /** Idle sessions kept per rule base: more than the threads that evaluate at once is of no use. */
    private static final int IDLE = 16;

    /** Rule bases whose sessions are kept: the active one, one being deployed, drafts being tested. */
    static final int RULE_BASES = 4;

    /** By last use; the sessions of the rule base used longest ago are disposed of when a fifth comes. */
    private final Map<KieBase, BlockingQueue<Pooled>> idle = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KieBase, BlockingQueue<Pooled>> eldest) {
            if (size() <= RULE_BASES) {
                return false;
            }
            List<Pooled> evicted = new ArrayList<>();
            eldest.getValue().drainTo(evicted);
            evicted.forEach(p -> p.session.dispose());
            return true;
        }
    };

    /** A session with the listener that tells the current evaluation which rule is firing. */
    static final class Pooled {
        final KieSession session;
        private Consumer<Match> firing = m -> { };
        private final DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing.accept(event.getMatch());
            }
        };

        private Pooled(KieSession session) {
            this.session = session;
        }

        void onFiring(Consumer<Match> listener) {
            this.firing = listener;
        }
    }

    Pooled take(KieBase kieBase) {
        Pooled pooled = idleSession(kieBase);
        pooled = pooled != null ? pooled : new Pooled(kieBase.newKieSession());
        // a reset drops the session's listeners
        pooled.session.addEventListener(pooled.listener);
        return pooled;
    }

    /** Gives the session back for reuse, or disposes of it when it must not be reused. */
    void give(KieBase kieBase, Pooled pooled, boolean reusable) {
        pooled.onFiring(m -> { });
        pooled.session.removeEventListener(pooled.listener);
        if (reusable && pooled.session instanceof StatefulKnowledgeSessionImpl impl) {
            impl.reset();
            if (keep(kieBase, pooled)) {
                return;
            }
        }
        pooled.session.dispose();
    }

    private synchronized Pooled idleSession(KieBase kieBase) {
        BlockingQueue<Pooled> queue = idle.get(kieBase);
        return queue == null ? null : queue.poll();
    }

    /** Under the lock, so that a session is never offered to the queue of a rule base just let go. */
    private synchronized boolean keep(KieBase kieBase, Pooled pooled) {
        return idle.computeIfAbsent(kieBase, k -> new ArrayBlockingQueue<>(IDLE)).offer(pooled);
    }
}
