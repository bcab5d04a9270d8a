package lianshao.warnings;

/**
 * The states of a warning (docs/workflow.md). MUTED: recorded while its rule was muted for its subjects; not in
 * the queue. The loop after confirmation: RECTIFYING (dispatched to the responsible unit with a deadline, 整改中),
 * REPORTED (the unit replied, 已报告), RETURNED (sent back with a reason and a new deadline, 已退回), RECTIFIED
 * (accepted, 已整改销号); HANDED_OVER (移交, forms 3–4) and CONCLUDED (the outcome recorded, 已办结).
 */
public enum WarningStatus {
    NEW, ASSIGNED, UNDER_REVIEW, CONFIRMED, DISMISSED, ESCALATED, REOPENED, CLOSED, MUTED,
    RECTIFYING, REPORTED, RETURNED, RECTIFIED, HANDED_OVER, CONCLUDED;

    /** States in which a warning still waits for a decision (and can be overdue). */
    public boolean open() {
        return this == NEW || this == ASSIGNED || this == UNDER_REVIEW || this == ESCALATED || this == REOPENED;
    }

    /** States with a running deadline: the review of an open warning, or the unit's rectification. */
    public boolean timed() {
        return open() || this == RECTIFYING || this == RETURNED;
    }

    /** Dispatched or handed over and not finished: only the loop's own actions move it. */
    public boolean inLoop() {
        return this == RECTIFYING || this == REPORTED || this == RETURNED || this == HANDED_OVER;
    }

    /** The timed states as an SQL list. */
    static final String TIMED_SQL = "('NEW', 'ASSIGNED', 'UNDER_REVIEW', 'ESCALATED', 'REOPENED', 'RECTIFYING', 'RETURNED')";
}
