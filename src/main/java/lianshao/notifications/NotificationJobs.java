package lianshao.notifications;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The background work of notifications, on every instance (each step claims its rows, so none is done twice). */
@Component
class NotificationJobs {

    private final Reminders reminders;
    private final Mails mails;
    private final Webhooks webhooks;

    NotificationJobs(Reminders reminders, Mails mails, Webhooks webhooks) {
        this.reminders = reminders;
        this.mails = mails;
        this.webhooks = webhooks;
    }

    @Scheduled(fixedDelayString = "${lianshao.notifications.reminder-interval:15m}",
            initialDelayString = "${lianshao.notifications.reminder-interval:15m}")
    void remind() {
        reminders.remind();
    }

    @Scheduled(fixedDelayString = "${lianshao.notifications.deliver-interval:30s}",
            initialDelayString = "${lianshao.notifications.deliver-interval:30s}")
    void deliver() {
        mails.sendInstant();
        mails.sendDigests();
        webhooks.deliver();
    }
}
