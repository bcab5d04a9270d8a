package lianshao.warnings;

import java.util.EnumSet;
import java.util.Set;

import static lianshao.warnings.WarningStatus.ASSIGNED;
import static lianshao.warnings.WarningStatus.CLOSED;
import static lianshao.warnings.WarningStatus.CONCLUDED;
import static lianshao.warnings.WarningStatus.CONFIRMED;
import static lianshao.warnings.WarningStatus.DISMISSED;
import static lianshao.warnings.WarningStatus.ESCALATED;
import static lianshao.warnings.WarningStatus.HANDED_OVER;
import static lianshao.warnings.WarningStatus.NEW;
import static lianshao.warnings.WarningStatus.RECTIFIED;
import static lianshao.warnings.WarningStatus.RECTIFYING;
import static lianshao.warnings.WarningStatus.REOPENED;
import static lianshao.warnings.WarningStatus.REPORTED;
import static lianshao.warnings.WarningStatus.RETURNED;
import static lianshao.warnings.WarningStatus.UNDER_REVIEW;

/**
 * What can be done to a warning, the states it is allowed from and the state it leads to ({@code null}: the
 * state stays); the whole machine is drawn and tabled in docs/workflow.md. Who may do it, in which form, and
 * when it only becomes a proposal for a second person, is {@link ReviewGuard}'s: APPROVE applies the pending
 * proposal (its action's next state), REJECT clears it and sends an open warning back to review.
 */
public enum ReviewAction {
    ASSIGN(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), ASSIGNED),
    START_REVIEW(EnumSet.of(ASSIGNED, REOPENED, ESCALATED), UNDER_REVIEW),
    COMMENT(EnumSet.allOf(WarningStatus.class), null),
    CONFIRM(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), CONFIRMED),
    /** Applies the pending proposal; the state is the proposed action's. */
    APPROVE(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED, CONFIRMED, DISMISSED, HANDED_OVER), null),
    /** Clears the pending proposal: an open warning goes back to review, a decided one stays. */
    REJECT(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED, CONFIRMED, DISMISSED, HANDED_OVER), null),
    DISMISS(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, ESCALATED, REOPENED), DISMISSED),
    ESCALATE(EnumSet.of(NEW, ASSIGNED, UNDER_REVIEW, REOPENED), ESCALATED),
    /** Files a dismissal; a confirmed warning goes through the loop instead. */
    CLOSE(EnumSet.of(DISMISSED), CLOSED),
    REOPEN(EnumSet.of(CONFIRMED, DISMISSED, CLOSED), REOPENED),
    /** 交办: a confirmed warning of form 1–2 to the responsible unit, with a deadline in working days. */
    DISPATCH(EnumSet.of(CONFIRMED), RECTIFYING),
    /** The unit's explanation and rectification report. */
    REPLY(EnumSet.of(RECTIFYING, RETURNED), REPORTED),
    REQUEST_EXTENSION(EnumSet.of(RECTIFYING, RETURNED), null),
    /** An evidence file to the reply, uploaded as a file (/api/v1/tasks/{id}/attachments), not posted as an action. */
    ATTACH(EnumSet.of(RECTIFYING, RETURNED), null),
    GRANT_EXTENSION(EnumSet.of(RECTIFYING, RETURNED), null),
    DENY_EXTENSION(EnumSet.of(RECTIFYING, RETURNED), null),
    /** 退回: the report does not suffice; a reason and a new deadline. */
    RETURN(EnumSet.of(REPORTED), RETURNED),
    /** 销号. */
    ACCEPT(EnumSet.of(REPORTED), RECTIFIED),
    /** 移交 of a confirmed warning of form 3–4: always a proposal a supervisor approves. */
    HAND_OVER(EnumSet.of(CONFIRMED), HANDED_OVER),
    /** 回执 of the handover. */
    RECEIPT(EnumSet.of(HANDED_OVER), null),
    /** 处理结果: the form finally decided and what was done. */
    OUTCOME(EnumSet.of(HANDED_OVER), CONCLUDED);

    /** Actions of the responsible unit's liaison (Role.UNIT); every other action is the reviewers'. */
    public static final Set<ReviewAction> UNIT_ACTIONS = EnumSet.of(REPLY, REQUEST_EXTENSION, ATTACH);

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
