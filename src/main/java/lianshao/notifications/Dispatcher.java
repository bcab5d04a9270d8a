package lianshao.notifications;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import lianshao.security.CurrentUser;
import lianshao.support.Ids;
import lianshao.warnings.WarningView;

/**
 * Makes the notifications of one occasion on one warning: for each recipient whose data scope covers the warning
 * ({@link Recipients}), an inbox entry, waiting for e-mail as the person chose; and one webhook event.
 */
@Component
class Dispatcher {

    private final Recipients recipients;
    private final Notifications notifications;
    private final NotificationTexts texts;
    private final Mails mails;
    private final Webhooks webhooks;

    Dispatcher(Recipients recipients, Notifications notifications, NotificationTexts texts, Mails mails, Webhooks webhooks) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.texts = texts;
        this.mails = mails;
        this.webhooks = webhooks;
    }

    /**
     * @param actor  who caused it (never notified), or null
     * @param cause  the audited action or the deadline that caused it (for the webhook)
     * @param dueAt  the deadline the text names (UTC), or null
     * @return how many people were notified
     */
    int dispatch(WarningView warning, NotificationKind kind, Collection<Audience> audiences, String actor, String cause,
            LocalDateTime dueAt, LocalDateTime now) {
        List<CurrentUser> to = recipients.of(warning, audiences, actor);
        List<String> args = texts.args(warning, dueAt);
        for (CurrentUser user : to) {
            notifications.insert(Ids.newId(), user.username(), kind, warning.id(), args, now,
                    mails.initialState(notifications.mailSettings(user.username())));
        }
        if (!to.isEmpty()) {
            webhooks.enqueue(kind, warning.id(), cause, warning.status(), to.size(), now);
        }
        return to.size();
    }
}
