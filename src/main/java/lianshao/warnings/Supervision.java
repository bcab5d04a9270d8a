package lianshao.warnings;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.security.CurrentUser;
import lianshao.support.Times;

/**
 * Supervision of the loop: the supervisor's lists (proposals to decide, handovers awaiting approval, returned and
 * overdue items, items past a third of their time) and "next item", which gives an inspector the most urgent
 * unassigned warning of their scope so that two people never take the same one.
 */
@Service
public class Supervision {

    private static final int LIMIT = 200;
    /** Candidates read per round of "next item"; a lost race moves on to the next of them. */
    private static final int CANDIDATES = 20;

    private final Warnings warnings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReviewGuard guard;

    Supervision(Warnings warnings, JdbcClient jdbc, TransactionTemplate transactions, WarningReview review) {
        this.warnings = warnings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.guard = review.guard();
    }

    /** The supervisor's lists, within their district; each ordered by priority, then deadline. */
    public record Lists(List<WarningView> proposals, List<WarningView> handovers, List<WarningView> returned,
            List<WarningView> overdue, List<WarningView> rising) {
    }

    public Lists lists(CurrentUser user) {
        String district = user.district();
        Map<String, Object> now = Map.of("now", Times.nowUtc());
        List<WarningView> timed = warnings.where("w.status IN " + WarningStatus.TIMED_SQL + " AND w.due_at IS NOT NULL",
                Map.of(), district, LIMIT * 5);
        return new Lists(
                warnings.where("w.proposed_by IS NOT NULL AND w.proposed_action <> 'HAND_OVER'", Map.of(), district, LIMIT),
                warnings.where("w.proposed_action = 'HAND_OVER'", Map.of(), district, LIMIT),
                byPriority(warnings.where("w.status = 'RETURNED'", Map.of(), district, LIMIT)),
                byPriority(warnings.where("w.status IN " + WarningStatus.TIMED_SQL + " AND w.due_at < :now", now, district, LIMIT)),
                byPriority(timed.stream().filter(w -> w.priority() == WarningView.Priority.ATTENTION
                        || w.priority() == WarningView.Priority.URGENT).limit(LIMIT).toList()));
    }

    private static List<WarningView> byPriority(List<WarningView> items) {
        return items.stream().sorted(Comparator.comparing((WarningView w) -> w.priority() == null ? -1 : w.priority().ordinal())
                .reversed().thenComparing(w -> w.dueAt() == null ? "" : w.dueAt().toString())).toList();
    }

    /**
     * Takes the most urgent unassigned warning of the caller's scope (nearest deadline, then highest form, then
     * oldest) and assigns it to the caller. Each candidate is taken by one conditional update ({@code assignee IS
     * NULL} and the version read): of two callers at once one gets it, the other moves on to the next candidate.
     */
    public Optional<WarningView> takeNext(CurrentUser user) {
        while (true) {
            List<WarningView> candidates = warnings.where("w.status IN ('NEW', 'REOPENED', 'ESCALATED') AND w.assignee IS NULL"
                    + " AND w.proposed_by IS NULL", Map.of(), user.district(), CANDIDATES).stream()
                    .sorted(Comparator.comparing((WarningView w) -> w.dueAt() == null ? java.time.OffsetDateTime.MAX : w.dueAt())
                            .thenComparing(Comparator.comparingInt(WarningView::form).reversed())
                            .thenComparing(WarningView::raisedAt).thenComparing(WarningView::id))
                    .toList();
            boolean raced = false;
            for (WarningView candidate : candidates) {
                if (guard.decide(ReviewAction.ASSIGN, ReviewGuard.Situation.of(candidate), user, null).outcome()
                        != ReviewGuard.Outcome.APPLY) {
                    continue;
                }
                if (take(candidate, user)) {
                    return warnings.find(candidate.id());
                }
                raced = true;
            }
            if (!raced) {
                return Optional.empty();
            }
            // the candidates of this round were taken by others meanwhile: read the next ones
        }
    }

    private boolean take(WarningView w, CurrentUser user) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> {
                java.time.LocalDateTime now = Times.nowUtc();
                int updated = jdbc.sql("""
                        UPDATE warning SET assignee = :me, status = 'ASSIGNED', updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version AND assignee IS NULL AND proposed_by IS NULL""")
                        .param("me", user.username()).param("now", now).param("id", w.id()).param("version", w.version())
                        .update();
                if (updated == 1) {
                    warnings.audit(w.id(), "ASSIGN", user.username(), now, w.status(), WarningStatus.ASSIGNED.name(),
                            "领取下一条 / took the next item", Map.of("assignee", user.username(), "next", true));
                }
                return updated == 1;
            }));
        } catch (DataAccessException lostTheRace) {
            // a concurrent update of the same row: another caller has it
            return false;
        }
    }
}
