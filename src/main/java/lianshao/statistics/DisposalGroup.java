package lianshao.statistics;

import lianshao.warnings.WarningStatus;

/**
 * The disposal state groups of the statistics, derived from the review status in this one place. A status
 * still waiting for a decision ({@link WarningStatus#open()}) is OPEN; dismissed and muted are their own
 * groups; a finished one (closed, rectified and signed off, or concluded after handover) is CLOSED; any other
 * decided status (confirmed, or a step of its disposal still under way) counts as CONFIRMED, so a status added
 * to the workflow is counted without a change here.
 */
public enum DisposalGroup {
    OPEN, CONFIRMED, DISMISSED, CLOSED, MUTED;

    public static DisposalGroup of(WarningStatus status) {
        if (status.open()) {
            return OPEN;
        }
        return switch (status) {
            case DISMISSED -> DISMISSED;
            case CLOSED, RECTIFIED, CONCLUDED -> CLOSED;
            case MUTED -> MUTED;
            default -> CONFIRMED;
        };
    }

    /** A stored status name; an unknown one (written by a newer version) counts as confirmed rather than vanishing. */
    static DisposalGroup of(String status) {
        try {
            return of(WarningStatus.valueOf(status));
        } catch (IllegalArgumentException | NullPointerException e) {
            return CONFIRMED;
        }
    }
}
