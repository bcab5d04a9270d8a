package lianshao.evaluation;

import java.util.Map;
import java.util.WeakHashMap;
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
 */
final class SessionPool {

    /** Idle sessions kept per rule base: more than the threads that evaluate at once is of no use. */
    private static final int IDLE = 16;

    private final Map<KieBase, BlockingQueue<Pooled>> idle = new WeakHashMap<>();

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
        Pooled pooled = queue(kieBase).poll();
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
            if (queue(kieBase).offer(pooled)) {
                return;
            }
        }
        pooled.session.dispose();
    }

    private synchronized BlockingQueue<Pooled> queue(KieBase kieBase) {
        return idle.computeIfAbsent(kieBase, k -> new ArrayBlockingQueue<>(IDLE));
    }
}
