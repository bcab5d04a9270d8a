package lianshao.notifications;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;

import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * The signed webhook for other systems. Each event (a kind of notification made about a warning) is stored first
 * and posted by {@link #deliver()}: the JSON body, with the time of sending in it, is signed with HMAC-SHA256
 * under the shared secret ({@value #SIGNATURE}: {@code sha256=<hex>}, and the time in {@value #TIMESTAMP}, epoch
 * seconds). A failed post is retried with a doubling wait up to a bound, then given up. The body carries ids and
 * kinds only: no names, no texts, no personal data.
 */
@Component
class Webhooks {

    static final String SIGNATURE = "X-Lianshao-Signature";
    static final String TIMESTAMP = "X-Lianshao-Timestamp";
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final NotificationSettings.Webhook settings;
    private final Clock clock;
    private final HttpClient http;

    Webhooks(JdbcClient jdbc, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings.webhook();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Stores the event of notifications made about a warning, when the webhook is configured. */
    void enqueue(NotificationKind kind, String warningId, String cause, String status, int recipients, LocalDateTime at) {
        if (!settings.enabled()) {
            return;
        }
        String id = Ids.newId();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", "notification");
        event.put("kind", kind.name());
        event.put("warningId", warningId);
        event.put("cause", cause);
        event.put("status", status);
        event.put("recipients", recipients);
        event.put("occurredAt", at.atOffset(ZoneOffset.UTC).toString());
        jdbc.sql("INSERT INTO webhook_delivery (id, payload, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?)")
                .params(id, Json.write(event), at, at).update();
    }

    /** Posts the events that are due; returns how many were delivered. */
    int deliver() {
        if (!settings.enabled()) {
            return 0;
        }
        LocalDateTime now = now();
        record Due(String id, String payload, int attempts, LocalDateTime next) {
        }
        List<Due> due = jdbc.sql("""
                SELECT id, payload, attempts, next_attempt_at FROM webhook_delivery
                WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?""").params(now, BATCH)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDateTime.class)))
                .list();
        int delivered = 0;
        for (Due d : due) {
            // claim: another instance that read the same row finds it moved on
            LocalDateTime claimedUntil = now.plus(settings.timeout().multipliedBy(3)).truncatedTo(ChronoUnit.SECONDS);
            if (jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND delivered_at IS NULL")
                    .params(claimedUntil, d.id(), d.next()).update() != 1) {
                continue;
            }
            String failure = post(d.payload());
            int attempts = d.attempts() + 1;
            if (failure == null) {
                jdbc.sql("UPDATE webhook_delivery SET attempts = ?, delivered_at = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ?")
                        .params(attempts, now, d.id()).update();
                delivered++;
            } else {
                LocalDateTime next = attempts >= settings.maxAttempts() ? null
                        : now.plus(settings.backoff(attempts)).truncatedTo(ChronoUnit.SECONDS);
                jdbc.sql("UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                        .params(attempts, next, failure.length() > 500 ? failure.substring(0, 500) : failure, d.id()).update();
                if (next == null) {
                    log.warn("webhook event {} given up after {} attempts: {}", d.id(), attempts, failure);
                }
            }
        }
        return delivered;
    }

    /** Posts one event; null when the receiver answered 2xx, else what went wrong. */
    private String post(String payload) {
        long sentAt = clock.instant().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>(Json.MAPPER.readValue(payload, MAP));
        event.put("sentAt", sentAt);
        byte[] body = Json.write(event).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(SIGNATURE, "sha256=" + Hashing.hmacSha256Hex(settings.secret(), body))
                .header(TIMESTAMP, Long.toString(sentAt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private LocalDateTime now() {
        return Times.nowUtc(clock);
    }
}
