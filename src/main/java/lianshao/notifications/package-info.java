/**
 * Notifications: an in-app inbox for every person, fed by the review actions on warnings (after their
 * transaction commits) and by reminders of deadlines; e-mail (each one or a daily digest) when an SMTP server is
 * configured, and a signed webhook for other systems. Nothing is sent about a warning its recipient may not see.
 */
package lianshao.notifications;
