package lianshao.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dueSoonWorkingDays a deadline within this many working days is reminded of once (3)
 * @param digestTime         the daily digest goes out at or after this time of day in the office's zone ({@code lianshao.zone}) (08:00)
 * @param mailFrom           the sender of notification e-mail
 * @param consoleUrl         the console's address, for links in e-mail (none: no link)
 * @param webhook            the signed webhook; off unless both url and secret are set
 */
@ConfigurationProperties("lianshao.notifications")
record NotificationSettings(@DefaultValue("3") int dueSoonWorkingDays, @DefaultValue("08:00") LocalTime digestTime,
        @DefaultValue("lianshao@localhost") String mailFrom, String consoleUrl,
        @DefaultValue Webhook webhook) {

    /**
     * @param maxAttempts  posts of one event before it is given up (6)
     * @param firstBackoff wait after the first failure, doubled after each further one (30 s)
     * @param maxBackoff   the longest wait between two attempts (30 min)
     * @param timeout      connect and response timeout of one post (5 s)
     */
    record Webhook(URI url, String secret, @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration firstBackoff,
            @DefaultValue("30m") Duration maxBackoff, @DefaultValue("5s") Duration timeout) {

        Webhook {
            if (url != null && !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("lianshao.notifications.webhook.url must be an http(s) address: " + url);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("lianshao.notifications.webhook.max-attempts must be at least 1");
            }
        }

        boolean enabled() {
            return url != null && secret != null && !secret.isBlank();
        }

        /** The wait after the given number of failed attempts. */
        Duration backoff(int failures) {
            Duration wait = firstBackoff;
            for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
