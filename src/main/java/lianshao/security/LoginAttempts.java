package lianshao.security;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/**
 * Sign-in throttling that nobody can turn against another person. The console form and HTTP Basic on
 * the API both go through it ({@link SignInThrottleFilter} asks before the password is checked; the
 * authentication events report the outcome).
 * <ul>
 * <li>Per account name AND client address: after {@code failuresBeforeBlock} failures in a row that
 * client is blocked for {@code firstBlock}, doubling with each further failure up to
 * {@code longestBlock}. A blocked attempt is refused without checking the password. A success from the
 * client clears its count; failures older than {@code forgetAfter} are forgotten. Other clients of the
 * same account are not affected, so an anonymous client cannot lock out the administrator.</li>
 * <li>Per account over all clients: past {@code accountCeiling} failures within {@code accountWindow}
 * (a guessing attack spread over many addresses), clients that never signed in to the account share one
 * attempt per {@code accountPace}; the others are refused without a password check until then. Clients
 * that signed in to the account before are not slowed. The attack is slowed to one guess per pace, the
 * owner still signs in from a known address at once and from a new one within a few tries: a slowdown,
 * never a lock-out.</li>
 * </ul>
 * The client is the remote address as the container sees it; X-Forwarded-For counts only when the
 * container is told to trust a proxy (server.forward-headers-strategy, docs/operations.md).
 */
@Component
public class LoginAttempts {

    @ConfigurationProperties("lianshao.security.sign-in")
    record Settings(@DefaultValue("5") int failuresBeforeBlock, @DefaultValue("1m") Duration firstBlock,
            @DefaultValue("15m") Duration longestBlock, @DefaultValue("24h") Duration forgetAfter,
            @DefaultValue("20") int accountCeiling, @DefaultValue("15m") Duration accountWindow,
            @DefaultValue("5s") Duration accountPace) {
    }

    /** Longest stored account name; longer names never exist and are cut to this. */
    private static final int NAME = 64;

    private final JdbcClient jdbc;
    private final Settings settings;

    LoginAttempts(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Whether this client may try a password for this account now; empty if so, else how long to wait.
     * An admitted attempt of an unknown client on an account over its ceiling takes the shared turn.
     */
    public Optional<Duration> refusal(String username, String client) {
        String name = name(username);
        LocalDateTime now = Times.nowUtc();
        LocalDateTime blocked = jdbc.sql("SELECT blocked_until FROM sign_in_failure WHERE username = ? AND client = ?")
                .params(name, client).query(LocalDateTime.class).optional().orElse(null);
        if (blocked != null && blocked.isAfter(now)) {
            return Optional.of(Duration.between(now, blocked));
        }
        if (!overCeiling(name, now) || known(name, client)) {
            return Optional.empty();
        }
        int took = jdbc.sql("""
                UPDATE sign_in_account SET next_unknown_at = ?
                WHERE username = ? AND (next_unknown_at IS NULL OR next_unknown_at <= ?)""")
                .params(now.plus(settings.accountPace()), name, now).update();
        if (took == 1) {
            return Optional.empty();
        }
        LocalDateTime next = jdbc.sql("SELECT next_unknown_at FROM sign_in_account WHERE username = ?").param(name)
                .query(LocalDateTime.class).optional().orElse(now);
        Duration wait = Duration.between(now, next);
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        client(event.getAuthentication()).ifPresent(client -> failed(name(event.getAuthentication().getName()), client));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        client(event.getAuthentication()).ifPresent(client -> succeeded(name(event.getAuthentication().getName()), client));
    }

    private void failed(String name, String client) {
        LocalDateTime now = Times.nowUtc();
        int updated = jdbc.sql("""
                UPDATE sign_in_failure SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
                       last_failure_at = ?
                WHERE username = ? AND client = ?""")
                .params(now.minus(settings.forgetAfter()), now, name, client).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO sign_in_failure (username, client, failures, last_failure_at) VALUES (?, ?, 1, ?)")
                        .params(name, client, now).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE sign_in_failure SET failures = failures + 1, last_failure_at = ? WHERE username = ? AND client = ?")
                        .params(now, name, client).update();
            }
        }
        int failures = jdbc.sql("SELECT failures FROM sign_in_failure WHERE username = ? AND client = ?").params(name, client)
                .query(Integer.class).single();
        block(failures).ifPresent(block -> jdbc.sql(
                "UPDATE sign_in_failure SET blocked_until = ? WHERE username = ? AND client = ?")
                .params(now.plus(block), name, client).update());
        countForAccount(name, now);
    }

    /** How long a client is blocked after this many failures in a row: none below the threshold. */
    Optional<Duration> block(int failures) {
        int beyond = failures - settings.failuresBeforeBlock();
        if (beyond < 0) {
            return Optional.empty();
        }
        Duration block = settings.firstBlock().multipliedBy(1L << Math.min(beyond, 20));
        return Optional.of(block.compareTo(settings.longestBlock()) > 0 ? settings.longestBlock() : block);
    }

    private void countForAccount(String name, LocalDateTime now) {
        LocalDateTime windowFrom = now.minus(settings.accountWindow());
        if (jdbc.sql("UPDATE sign_in_account SET failures = failures + 1 WHERE username = ? AND window_start > ?")
                .params(name, windowFrom).update() == 1) {
            return;
        }
        if (jdbc.sql("UPDATE sign_in_account SET window_start = ?, failures = 1, next_unknown_at = NULL WHERE username = ?")
                .params(now, name).update() == 1) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO sign_in_account (username, window_start, failures) VALUES (?, ?, 1)").params(name, now).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql("UPDATE sign_in_account SET failures = failures + 1 WHERE username = ?").param(name).update();
        }
    }

    private boolean overCeiling(String name, LocalDateTime now) {
        return jdbc.sql("SELECT failures FROM sign_in_account WHERE username = ? AND window_start > ?")
                .params(name, now.minus(settings.accountWindow())).query(Integer.class).optional()
                .map(failures -> failures >= settings.accountCeiling()).orElse(false);
    }

    private boolean known(String name, String client) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_known_client WHERE username = ? AND client = ?").params(name, client)
                .query(Integer.class).single() > 0;
    }

    private void succeeded(String name, String client) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE username = ? AND client = ?").params(name, client).update();
        LocalDateTime now = Times.nowUtc();
        // once a day is enough: API calls with Basic sign in on every request
        if (jdbc.sql("UPDATE sign_in_known_client SET last_success_at = ? WHERE username = ? AND client = ? AND last_success_at < ?")
                .params(now, name, client, now.minusDays(1)).update() == 0 && !known(name, client)) {
            try {
                jdbc.sql("INSERT INTO sign_in_known_client (username, client, last_success_at) VALUES (?, ?, ?)")
                        .params(name, client, now).update();
            } catch (DuplicateKeyException raced) {
                // the same client signed in twice at once: already known
            }
        }
    }

    /** The client address of a password sign-in (form or Basic); feeds and test principals have none. */
    private static Optional<String> client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? Optional.of(web.getRemoteAddress())
                : Optional.empty();
    }

    static String name(String username) {
        String name = username == null ? "" : username;
        return name.length() > NAME ? name.substring(0, NAME) : name;
    }
}
