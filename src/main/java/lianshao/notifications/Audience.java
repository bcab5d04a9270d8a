package lianshao.notifications;

/** Who, in relation to a warning, receives a notification; {@link Recipients} resolves them. */
enum Audience {
    /** The warning's assignee. */
    ASSIGNEE,
    /** Supervisors (the approvers of four-eyes proposals) whose data scope covers the warning. */
    SUPERVISORS,
    /** The responsible unit's contacts (role UNIT) whose scope covers the warning. */
    UNIT_CONTACTS
}
