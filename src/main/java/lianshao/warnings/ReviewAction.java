package lianshao.warnings;

import java.util.EnumSet;
import java.util.Set;

import static lianshao.warnings.WarningStatus.ASSIGNED;
import static lianshao.warnings.WarningStatus.CLOSED;
import static lianshao.warnings.WarningStatus.CONFIRMED;
import static lianshao.warnings.WarningStatus.DISMISSED;
import static lianshao.warnings.WarningStatus.ESCALATED;
import static lianshao.warnings.WarningStatus.NEW;
import static lianshao.warnings.WarningStatus.REOPENED;
import static lianshao.warnings.WarningStatus.UNDER_REVIEW;

/**
 * What a reviewer can do to a warning, the states it is allowed from and the state it leads to
 * ({@code null}: the state stays). Who may do it, and when it only becomes a proposal for a second
 * person, is {@link ReviewGuard}'s: APPROVE applies the pending proposal (its action's next state),
 * REJECT clears it and sends an open warning back to review.
 */
public enum ReviewAction {
    ASSIGN(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), ASSIGNED),
    START_REVIEW(EnumSet.of(ASSIGNED, REOPENED, ESCALATED), UNDER_REVIEW),
    COMMENT(EnumSet.allOf(WarningStatus.class), null),
    CONFIRM(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), CONFIRMED),
    /** Applies the pending proposal; the state is the proposed action's. */
    APPROVE(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED, CONFIRMED, DISMISSED), null),
    /** Clears the pending proposal: an open warning goes back to review, a decided one stays. */
    REJECT(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED, CONFIRMED, DISMISSED), null),
    DISMISS(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), DISMISSED),
    ESCALATE(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, REOPENED), ESCALATED),
    CLOSE(EnumSet.of(CONFIRMED, DISMISSED), CLOSED),
    REOPEN(EnumSet.of(CONFIRMED, DISMISSED, CLOSED), REOPENED);

    private final Set<WarningStatus> from;
    private final WarningStatus to;

    ReviewAction(Set<WarningStatus> from, WarningStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(WarningStatus status) {
        return from.contains(status);
    }

    /** The state after the action, or the current one when the action does not move it. */
    public WarningStatus next(WarningStatus current) {
        if (this == REJECT) {
            return current.open() ? UNDER_REVIEW : current;
        }
        return to == null ? current : to;
    }

    public Set<WarningStatus> allowedStates() {
        return from;
    }
}
