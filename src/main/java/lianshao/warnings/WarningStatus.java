package lianshao.warnings;

/** The review states of a warning. MUTED: recorded while its rule was muted for its subjects; not in the queue. */
public enum WarningStatus {
    NEW, ASSIGNED, UNDER_REVIEW, CONFIRMED, DISMISSED, ESCALATED, REOPENED, CLOSED, MUTED;

    /** States in which a warning still waits for a decision (and can be overdue). */
    public boolean open() {
        return this == NEW || this == ASSIGNED || this == UNDER_REVIEW || this == ESCALATED || this == REOPENED;
    }
}
