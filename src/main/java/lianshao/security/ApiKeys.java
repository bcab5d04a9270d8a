package lianshao.security;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Times;

/**
 * API keys of data feeds. A key is random, shown once when created and stored only as its SHA-256
 * hash (a fast hash suits a high-entropy random key; a password hash would cost every request).
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new random key for the feed; the plain key is returned once and never stored. */
    @Transactional
    public String create(String source, Set<Scope> scopes, String label) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = "lsk_" + HexFormat.of().formatHex(bytes);
        register(source, key, scopes, label);
        return key;
    }

    /** Registers a key chosen by the operator (bootstrap, demo); idempotent. */
    @Transactional
    public void register(String source, String key, Set<Scope> scopes, String label) {
        ensureFeed(source);
        String hash = Hashing.sha256Hex(key);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(hash).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        jdbc.sql("""
                INSERT INTO api_key (id, source, key_hash, key_prefix, scopes, label, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), source, hash, key.substring(0, Math.min(8, key.length())),
                        scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), label, Times.nowUtc())
                .update();
    }

    private void ensureFeed(String source) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM feed WHERE source = ?").param(source).query(Integer.class).single() > 0;
        if (!exists) {
            jdbc.sql("INSERT INTO feed (source, name, created_at) VALUES (?, ?, ?)").params(source, source, Times.nowUtc()).update();
        }
    }

    public Optional<FeedPrincipal> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, source, scopes FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(Hashing.sha256Hex(key))
                .query((rs, n) -> new FeedPrincipal(rs.getString("source"), rs.getString("id"), scopes(rs.getString("scopes"))))
                .optional();
    }

    /** A key as the admin pages list it: never the key or its hash. */
    public record KeyInfo(String id, String source, String prefix, Set<Scope> scopes, String label, LocalDateTime createdAt,
            LocalDateTime revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public java.util.List<KeyInfo> all() {
        return jdbc.sql("SELECT id, source, key_prefix, scopes, label, created_at, revoked_at FROM api_key ORDER BY source, created_at")
                .query((rs, n) -> new KeyInfo(rs.getString("id"), rs.getString("source"), rs.getString("key_prefix"),
                        scopes(rs.getString("scopes")), rs.getString("label"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("revoked_at", LocalDateTime.class)))
                .list();
    }

    @Transactional
    public boolean revoke(String keyId) {
        LocalDateTime now = Times.nowUtc();
        return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(now, keyId).update() == 1;
    }

    private static Set<Scope> scopes(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Scope::valueOf).forEach(scopes::add);
        return scopes;
    }
}
