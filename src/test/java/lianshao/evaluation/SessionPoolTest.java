package lianshao.evaluation;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** Sessions are reused per rule base, and only the rule bases used last keep theirs. */
class SessionPoolTest {

    private final SessionPool pool = new SessionPool();

    private SessionPool.Pooled use(KieBase kieBase) {
        SessionPool.Pooled pooled = pool.take(kieBase);
        pool.give(kieBase, pooled, true);
        return pooled;
    }

    @Test
    void aSessionGivenBackIsReusedForItsRuleBase() {
        KieBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        SessionPool.Pooled first = use(kieBase);
        assertSame(first, pool.take(kieBase));
    }

    @Test
    void theRuleBaseUsedLongestAgoLosesItsSessionsWhenTooManyAreUsed() {
        List<KieBase> kieBases = new ArrayList<>();
        List<SessionPool.Pooled> sessions = new ArrayList<>();
        for (int i = 0; i <= SessionPool.RULE_BASES; i++) {
            KieBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBases.add(kieBase);
            sessions.add(use(kieBase));
        }
        // disposed of, so that nothing keeps the first rule base and its classes any longer
        assertThrows(IllegalStateException.class, () -> sessions.get(0).session.insert("fact"));
        assertNotSame(sessions.get(0), pool.take(kieBases.get(0)));
        assertSame(sessions.get(SessionPool.RULE_BASES), pool.take(kieBases.get(SessionPool.RULE_BASES)));
    }

    @Test
    void usingARuleBaseAgainKeepsItsSessions() {
        KieBase active = KnowledgeBaseFactory.newKnowledgeBase();
        SessionPool.Pooled activeSession = use(active);
        for (int i = 0; i < SessionPool.RULE_BASES * 2; i++) {
            use(KnowledgeBaseFactory.newKnowledgeBase());
            use(active);
        }
        assertSame(activeSession, pool.take(active));
    }
}
