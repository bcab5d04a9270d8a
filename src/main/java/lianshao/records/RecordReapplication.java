package lianshao.records;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.evaluation.Evaluator;
import lianshao.evaluation.NameLookup;
import lianshao.grading.GradedHit;
import lianshao.grading.Grader;
import lianshao.reference.ReferenceQueries;
import lianshao.rules.RuleSet;
import lianshao.support.Times;
import lianshao.warnings.Warnings;

/**
 * A rule set applied to stored records: each record judged and graded as its own evaluation would judge it, and
 * only the warnings the record does not have yet for a rule are raised ({@link Warnings#raiseMissing}); the record's
 * evaluation status and its existing warnings stay as they are.
 */
@Component
public class RecordReapplication {

    private final RecordStore store;
    private final RecordReplay replay;
    private final Evaluator evaluator;
    private final Grader grader;
    private final Warnings warnings;
    private final TransactionTemplate tx;
    private final NameLookup names;

    RecordReapplication(RecordStore store, RecordReplay replay, Evaluator evaluator, Grader grader,
            Warnings warnings, TransactionTemplate tx, ReferenceQueries reference) {
        this.store = store;
        this.replay = replay;
        this.evaluator = evaluator;
        this.grader = grader;
        this.warnings = warnings;
        this.tx = tx;
        this.names = new NameLookup(reference::parties, reference::orgs);
    }

    /**
     * Ids of the records of the domains whose organisation lies in the district (null: the whole city) and whose
     * own day of occurrence may lie from {@code from} to {@code to}: the stored time is UTC, so a day more is taken
     * on each side; {@link #apply} checks the day exactly. Oldest first, at most {@code limit}.
     */
    public List<String> candidates(LocalDate from, LocalDate to, Collection<String> domains, String district, int limit) {
        return replay.idsBetween(from.minusDays(1).atStartOfDay(), to.plusDays(2).atStartOfDay(), domains, district, limit);
    }

    /**
     * Applies the rule set to the record if it occurred (its own day) from {@code from} to {@code to}, holding the
     * record's row so that a new revision arriving meanwhile waits; returns the number of warnings raised.
     */
    public int apply(String recordId, RuleSet ruleSet, LocalDate from, LocalDate to, Warnings.Origin origin) {
        Integer raised = tx.execute(status -> {
            StoredRecord locked = store.findForUpdate(recordId).orElse(null);
            if (locked == null) {
                return 0;
            }
            RecordReplay.Replayed r = replay.load(recordId).orElseThrow();
            LocalDate day = r.fact().occurredOn();
            if (day.isBefore(from) || day.isAfter(to)) {
                return 0;
            }
            List<GradedHit> graded = grader.grade(ruleSet, recordId, r.orgCode(), day,
                    evaluator.evaluate(ruleSet, r.fact(), r.context(), names).hits(), warnings);
            if (graded.isEmpty()) {
                return 0;
            }
            return warnings.raiseMissing(new Warnings.EvaluatedRecord(recordId, locked.revision(), r.domain(), r.orgCode(),
                    Times.toUtc(r.occurredAt())), graded, ruleSet.version(), origin);
        });
        return raised == null ? 0 : raised;
    }
}
