package lianshao.notifications;

/** How a person wants their notifications by e-mail. */
public enum MailMode {
    /** In the console's inbox only. */
    NONE,
    /** Each notification as it is made. */
    INSTANT,
    /** One e-mail a day with the day's notifications. */
    DIGEST
}
