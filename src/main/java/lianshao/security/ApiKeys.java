package lianshao.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Times;

/**
 * API keys of data feeds. A key is random, shown once when created and stored only as its SHA-256
 * hash (a fast hash suits a high-entropy random key; a password hash would cost every request).
 *
 * <p>Every API request is authenticated, so successful lookups are kept in memory for
 * {@code lianshao.security.api-key-cache-ttl} (by key hash). Unknown keys are not kept: a new key works at
 * once, and guessing keys does not fill the cache. A key revoked through this instance is refused at once;
 * another instance refuses it when its cached lookup expires, within the time-to-live.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Most lookups kept at once. When full, the expired ones go; if none had expired, all. */
    static final int MAX_CACHED = 10_000;

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final int maxCached;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Held while a lookup is stored and while a revocation removes its key, so the two never interleave. */
    private final Object storing = new Object();
    /** Counts revocations: a lookup that overlapped one may have read the row before it, and is not kept. */
    private volatile long revocations;

    private record Cached(FeedPrincipal feed, long loadedAt) {
    }

    @Autowired
    ApiKeys(JdbcClient jdbc, SecuritySettings settings) {
        this(jdbc, settings.apiKeyCacheTtl(), System::nanoTime, MAX_CACHED);
    }

    /** @param cacheTtl zero or {@code null}: no cache */
    ApiKeys(JdbcClient jdbc, Duration cacheTtl, LongSupplier nanoTime, int maxCached) {
        this.jdbc = jdbc;
        this.ttlNanos = cacheTtl == null || cacheTtl.isNegative() ? 0 : cacheTtl.toNanos();
        this.nanoTime = nanoTime;
        this.maxCached = maxCached;
    }

    /** A new random key for the feed, writing for the whole city; the plain key is returned once and never stored. */
    @Transactional
    public String create(String source, Set<Scope> scopes, String label) {
        return create(source, scopes, Binding.CITY, label);
    }

    /** A new random key for the feed, writing only within the binding; the plain key is returned once and never stored. */
    @Transactional
    public String create(String source, Set<Scope> scopes, Binding binding, String label) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = "lsk_" + HexFormat.of().formatHex(bytes);
        register(source, key, scopes, binding, label);
        return key;
    }

    /** Registers a key chosen by the operator, writing for the whole city; idempotent. */
    @Transactional
    public void register(String source, String key, Set<Scope> scopes, String label) {
        register(source, key, scopes, Binding.CITY, label);
    }

    /** Registers a key chosen by the operator (bootstrap, demo) with its binding; idempotent (an existing key is left as it is). */
    @Transactional
    public void register(String source, String key, Set<Scope> scopes, Binding binding, String label) {
        ensureFeed(source);
        String hash = Hashing.sha256Hex(key);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ?").param(hash).query(Integer.class).single() > 0;
        if (exists) {
            // a key from before bindings, registered again by the operator (bootstrap, demo): bound explicitly now
            jdbc.sql("""
                    UPDATE api_key SET city_wide = ?, bound_districts = ?, bound_orgs = ?, legacy_binding = FALSE
                    WHERE key_hash = ? AND legacy_binding = TRUE""")
                    .params(binding.wholeCity(), Binding.text(binding.districts()), Binding.text(binding.orgs()), hash).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO api_key (id, source, key_hash, key_prefix, scopes, label, created_at, city_wide, bound_districts,
                    bound_orgs, legacy_binding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)""")
                .params(Ids.newId(), source, hash, key.substring(0, Math.min(8, key.length())),
                        scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), label, Times.nowUtc(),
                        binding.wholeCity(), Binding.text(binding.districts()), Binding.text(binding.orgs()))
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
        String hash = Hashing.sha256Hex(key);
        if (ttlNanos == 0) {
            return lookup(hash);
        }
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(hash);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return Optional.of(cached.feed());
        }
        long revocationsBefore = revocations;
        Optional<FeedPrincipal> feed = lookup(hash);
        if (feed.isEmpty()) {
            cache.remove(hash);
            return feed;
        }
        synchronized (storing) {
            if (revocations == revocationsBefore) {
                if (cache.size() >= maxCached) {
                    cache.values().removeIf(c -> now - c.loadedAt() >= ttlNanos);
                    if (cache.size() >= maxCached) {
                        cache.clear();
                    }
                }
                cache.put(hash, new Cached(feed.get(), now));
            }
        }
        return feed;
    }

    private Optional<FeedPrincipal> lookup(String hash) {
        return jdbc.sql("SELECT id, source, scopes, city_wide, bound_districts, bound_orgs FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash)
                .query((rs, n) -> new FeedPrincipal(rs.getString("source"), rs.getString("id"),
                        Collections.unmodifiableSet(scopes(rs.getString("scopes"))), binding(rs)))
                .optional();
    }

    /** Lookups held in memory now. */
    int cached() {
        return cache.size();
    }

    private static Binding binding(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getBoolean("city_wide") ? Binding.CITY
                : Binding.of(Binding.list(rs.getString("bound_districts")), Binding.list(rs.getString("bound_orgs")));
    }

    /**
     * A key as the admin pages list it: never the key or its hash. {@code legacyBinding}: created before keys were
     * bound, so it writes for the whole city until replaced.
     */
    public record KeyInfo(String id, String source, String prefix, Set<Scope> scopes, String label, LocalDateTime createdAt,
            LocalDateTime revokedAt, Binding binding, boolean legacyBinding) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public java.util.List<KeyInfo> all() {
        return jdbc.sql("""
                SELECT id, source, key_prefix, scopes, label, created_at, revoked_at, city_wide, bound_districts, bound_orgs,
                    legacy_binding FROM api_key ORDER BY source, created_at""")
                .query((rs, n) -> new KeyInfo(rs.getString("id"), rs.getString("source"), rs.getString("key_prefix"),
                        scopes(rs.getString("scopes")), rs.getString("label"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("revoked_at", LocalDateTime.class), binding(rs), rs.getBoolean("legacy_binding")))
                .list();
    }

    /** Revokes the key; this instance refuses it from now on, others within the cache's time-to-live. */
    @Transactional
    public boolean revoke(String keyId) {
        LocalDateTime now = Times.nowUtc();
        boolean revoked = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(now, keyId).update() == 1;
        forget(keyId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // again once committed: a lookup running meanwhile still read the key as valid
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(keyId);
                }
            });
        }
        return revoked;
    }

    private void forget(String keyId) {
        synchronized (storing) {
            revocations++;
            cache.values().removeIf(c -> c.feed().keyId().equals(keyId));
        }
    }

    private static Set<Scope> scopes(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Scope::valueOf).forEach(scopes::add);
        return scopes;
    }
}
