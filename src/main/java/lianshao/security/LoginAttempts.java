package lianshao.security;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/** Locks a user out for a while after repeated failed sign-ins; a successful sign-in resets the count. */
@Component
class LoginAttempts {

    /** @param maxFailures failures in a row before the lock; @param lockFor how long the lock lasts */
    @ConfigurationProperties("lianshao.security.lockout")
    record Settings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {
    }

    private final JdbcClient jdbc;
    private final Settings settings;

    LoginAttempts(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = ?").param(username).update();
        LocalDateTime until = Times.nowUtc().plus(settings.lockFor());
        jdbc.sql("UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ?")
                .params(until, username, settings.maxFailures()).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = ? AND failed_attempts > 0")
                .param(event.getAuthentication().getName()).update();
    }
}
