package lianshao.notifications;

/** What a notification tells its reader. Texts: {@code notification.kind.*} (label), {@code notification.text.*}. */
public enum NotificationKind {
    /** A warning was assigned to you. */
    ASSIGNED,
    /** A proposal (or request) awaits your approval. */
    AWAITING_APPROVAL,
    /** A deadline falls within the next working days. */
    DUE_SOON,
    /** A deadline has passed. */
    OVERDUE,
    /** Your work was returned. */
    RETURNED,
    /** A reply arrived on a warning you handle. */
    REPLY_RECEIVED;

    String textKey() {
        return "notification.text." + name();
    }
}
