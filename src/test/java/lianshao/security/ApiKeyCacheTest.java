package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cache of API-key lookups, on its own H2 database and with a clock the test moves: a row deleted
 * behind the cache's back shows whether a lookup went to the database.
 */
class ApiKeyCacheTest {

    static final Duration TTL = Duration.ofSeconds(5);

    static JdbcClient jdbc;

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:api-key-cache-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private ApiKeys keys(Duration ttl, int maxCached) {
        return new ApiKeys(jdbc, ttl, nanos::get, maxCached);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static void deleteRow(String keyId) {
        assertThat(jdbc.sql("DELETE FROM api_key WHERE id = ?").param(keyId).update()).isEqualTo(1);
    }

    @Test
    void aKnownKeyIsServedFromMemoryUntilTheTtlHasPassed() {
        ApiKeys keys = keys(TTL, 100);
        String key = keys.create("cache-feed", Set.of(Scope.RECORDS), "cached");
        FeedPrincipal feed = keys.authenticate(key).orElseThrow();
        assertThat(feed.source()).isEqualTo("cache-feed");
        assertThat(feed.scopes()).containsExactly(Scope.RECORDS);

        deleteRow(feed.keyId());
        advance(TTL.minusMillis(1));
        assertThat(keys.authenticate(key)).as("within the TTL: no query").contains(feed);
        advance(Duration.ofMillis(1));
        assertThat(keys.authenticate(key)).as("after the TTL the database is asked again").isEmpty();
        assertThat(keys.cached()).isZero();
    }

    @Test
    void aKeyRevokedHereIsRefusedAtOnce() {
        ApiKeys keys = keys(TTL, 100);
        String key = keys.create("cache-feed", Set.of(Scope.RECORDS, Scope.REFERENCE), "revoked");
        String other = keys.create("cache-feed", Set.of(Scope.RECORDS), "kept");
        String keyId = keys.authenticate(key).orElseThrow().keyId();
        keys.authenticate(other).orElseThrow();
        assertThat(keys.cached()).isEqualTo(2);

        assertThat(keys.revoke(keyId)).isTrue();
        assertThat(keys.authenticate(key)).isEmpty();
        assertThat(keys.authenticate(other)).isPresent();
        assertThat(keys.cached()).isEqualTo(1);
    }

    @Test
    void unknownKeysAreNotCachedSoANewKeyWorksAtOnce() {
        ApiKeys keys = keys(TTL, 100);
        String key = "lsk_registered_after_a_failed_try_" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            assertThat(keys.authenticate(key + i)).isEmpty();
        }
        assertThat(keys.authenticate(key)).isEmpty();
        assertThat(keys.cached()).isZero();

        keys.register("cache-feed", key, Set.of(Scope.RECORDS), "late");
        assertThat(keys.authenticate(key)).isPresent();
        assertThat(keys.cached()).isEqualTo(1);
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        ApiKeys keys = keys(Duration.ZERO, 100);
        String key = keys.create("cache-feed", Set.of(Scope.RECORDS), "uncached");
        String keyId = keys.authenticate(key).orElseThrow().keyId();
        assertThat(keys.cached()).isZero();
        deleteRow(keyId);
        assertThat(keys.authenticate(key)).isEmpty();
    }

    @Test
    void theCacheStaysWithinItsBoundExpiredEntriesGoingFirst() {
        ApiKeys keys = keys(TTL, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(keys.authenticate(keys.create("cache-feed", Set.of(Scope.RECORDS), "bounded " + i))).isPresent();
        }
        assertThat(keys.cached()).isEqualTo(3);
        String fresh = keys.create("cache-feed", Set.of(Scope.RECORDS), "bounded fresh");
        advance(TTL.dividedBy(2));
        assertThat(keys.authenticate(fresh)).isPresent();
        assertThat(keys.cached()).as("full and nothing expired: emptied").isEqualTo(1);

        advance(TTL.dividedBy(2));
        for (int i = 0; i < 2; i++) {
            assertThat(keys.authenticate(keys.create("cache-feed", Set.of(Scope.RECORDS), "bounded later " + i))).isPresent();
        }
        advance(TTL.dividedBy(2));
        // the first entry (fresh) has expired, the two later ones have not
        assertThat(keys.authenticate(keys.create("cache-feed", Set.of(Scope.RECORDS), "bounded last"))).isPresent();
        assertThat(keys.cached()).isEqualTo(3);
    }
}
