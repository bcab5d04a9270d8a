package lianshao.warnings;

/** The review states of a warning. */
public enum WarningStatus {
    NEW, ASSIGNED, UNDER_REVIEW, CONFIRMED, DISMISSED, ESCALATED, REOPENED, CLOSED
}
