package lianshao.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import lianshao.support.DisplayFormat;
import lianshao.support.Times;

/**
 * Notification e-mail through SMTP, on only when {@code spring.mail.host} is set (Spring Boot then makes the
 * {@link JavaMailSender}). INSTANT: each waiting notification is mailed by the next {@link #sendInstant()};
 * DIGEST: {@link #sendDigests()} mails each person one digest a day, at or after the digest time. Texts are
 * Chinese first, English below. A notification is claimed before it is sent, so two instances never mail it
 * twice; a failed send puts it back to wait for the next run. When it is sent, the person's right to see its
 * warning is checked again: what they may no longer see is withheld (mail state WITHHELD), not mailed.
 */
@Component
class Mails {

    private static final Logger log = LoggerFactory.getLogger(Mails.class);
    private static final int BATCH = 100;

    private final ObjectProvider<JavaMailSender> senders;
    private final Notifications notifications;
    private final NotificationTexts texts;
    private final NotificationSettings settings;
    private final DisplayFormat format;
    private final Recipients recipients;
    private final JdbcClient jdbc;
    private final Clock clock;

    Mails(ObjectProvider<JavaMailSender> senders, Notifications notifications, NotificationTexts texts,
            NotificationSettings settings, DisplayFormat format, Recipients recipients, JdbcClient jdbc, Clock clock) {
        this.recipients = recipients;
        this.senders = senders;
        this.notifications = notifications;
        this.texts = texts;
        this.settings = settings;
        this.format = format;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    /** The mail state a new notification of this person starts in. */
    String initialState(Notifications.MailSettings person) {
        return enabled() && person.mails() ? person.mode().name() : Notifications.NOT_MAILED;
    }

    /** Mails the notifications waiting to be mailed one by one; returns how many were sent. */
    int sendInstant() {
        if (!enabled()) {
            return 0;
        }
        int sent = 0;
        for (Notifications.Stored n : notifications.waiting(MailMode.INSTANT.name(), BATCH)) {
            Notifications.MailSettings person = notifications.mailSettings(n.username());
            LocalDateTime now = Times.nowUtc(clock);
            if (!person.mails()) {
                notifications.moveMail(n.id(), MailMode.INSTANT.name(), Notifications.NOT_MAILED, now);
                continue;
            }
            if (!recipients.mayStillSee(n.username(), n.warningId())) {
                notifications.moveMail(n.id(), MailMode.INSTANT.name(), Notifications.WITHHELD, now);
                continue;
            }
            if (!notifications.moveMail(n.id(), MailMode.INSTANT.name(), Notifications.SENT, now)) {
                continue;
            }
            String zh = texts.text(n, NotificationTexts.CHINESE);
            String body = zh + "\n" + texts.link(n.warningId()) + "\n\n" + texts.text(n, NotificationTexts.ENGLISH) + "\n\n"
                    + texts.message("notification.mail.footer", NotificationTexts.CHINESE);
            if (send(person.email(), texts.message("notification.mail.subject", NotificationTexts.CHINESE, zh), body)) {
                sent++;
            } else {
                notifications.moveMail(n.id(), Notifications.SENT, MailMode.INSTANT.name(), now);
            }
        }
        return sent;
    }

    /**
     * Once the digest time of the day has come (in the office's zone), mails each person with waiting DIGEST
     * notifications one e-mail listing them, once a day; returns how many digests were sent.
     */
    int sendDigests() {
        if (!enabled()) {
            return 0;
        }
        ZonedDateTime local = clock.instant().atZone(format.zone());
        if (local.toLocalTime().isBefore(settings.digestTime())) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        int sent = 0;
        for (String username : notifications.waitingUsers(MailMode.DIGEST.name())) {
            LocalDateTime now = Times.nowUtc(clock);
            Notifications.MailSettings person = notifications.mailSettings(username);
            List<Notifications.Stored> waiting = notifications.waiting(MailMode.DIGEST.name(), username);
            if (!person.mails()) {
                waiting.forEach(n -> notifications.moveMail(n.id(), MailMode.DIGEST.name(), Notifications.NOT_MAILED, now));
                continue;
            }
            // what the person may no longer see when the digest goes out is left out of it
            waiting = waiting.stream().filter(n -> {
                if (recipients.mayStillSee(username, n.warningId())) {
                    return true;
                }
                notifications.moveMail(n.id(), MailMode.DIGEST.name(), Notifications.WITHHELD, now);
                return false;
            }).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            try {
                jdbc.sql("INSERT INTO notification_digest (username, digest_day, sent_at) VALUES (?, ?, ?)")
                        .params(username, today, now).update();
            } catch (DuplicateKeyException alreadyToday) {
                continue;
            }
            List<Notifications.Stored> claimed = waiting.stream()
                    .filter(n -> notifications.moveMail(n.id(), MailMode.DIGEST.name(), Notifications.SENT, now)).toList();
            if (claimed.isEmpty()) {
                continue;
            }
            StringBuilder body = new StringBuilder(texts.message("notification.mail.digestIntro", NotificationTexts.CHINESE,
                    claimed.size(), today.toString())).append("\n\n");
            for (Notifications.Stored n : claimed) {
                body.append("· ").append(texts.time(n.createdAt())).append("  ").append(texts.text(n, NotificationTexts.CHINESE));
                String link = texts.link(n.warningId());
                body.append(link.isEmpty() ? "" : "\n  " + link).append('\n');
            }
            body.append('\n').append(texts.message("notification.mail.digestIntro", NotificationTexts.ENGLISH, claimed.size(),
                    today.toString())).append("\n\n");
            for (Notifications.Stored n : claimed) {
                body.append("· ").append(texts.text(n, NotificationTexts.ENGLISH)).append('\n');
            }
            body.append('\n').append(texts.message("notification.mail.footer", NotificationTexts.CHINESE));
            String subject = texts.message("notification.mail.digestSubject", NotificationTexts.CHINESE, claimed.size(), today.toString());
            if (send(person.email(), subject, body.toString())) {
                sent++;
            } else {
                claimed.forEach(n -> notifications.moveMail(n.id(), Notifications.SENT, MailMode.DIGEST.name(), now));
                jdbc.sql("DELETE FROM notification_digest WHERE username = ? AND digest_day = ?").params(username, today).update();
            }
        }
        return sent;
    }

    private boolean send(String to, String subject, String body) {
        JavaMailSender sender = senders.getIfAvailable();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            log.warn("notification e-mail to {} not sent: {}", to, e.getMessage());
            return false;
        }
    }
}
