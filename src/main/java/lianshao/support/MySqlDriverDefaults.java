package lianshao.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariConfig;

/**
 * MySQL Connector/J settings for a pool whose JDBC URL is {@code jdbc:mysql:}. A single post runs a few
 * dozen short statements in two transactions; with its defaults the driver adds statements of its own for
 * bookkeeping and sends a JDBC batch row by row. These settings save those round trips (and some client CPU):
 *
 * <ul>
 * <li>{@code useLocalSessionState}: the driver answers {@code getTransactionIsolation()}, {@code isReadOnly()} and
 * {@code getAutoCommit()} from its own state instead of querying the server, and does not send a {@code SET} for a
 * value the session already has (Spring and Hikari set auto-commit, and Hikari the isolation level, on
 * connections they hand out and take back).
 * <li>{@code elideSetAutoCommits}: {@code SET autocommit} only when the server's state differs.
 * <li>{@code useLocalTransactionState}: {@code commit()} and {@code rollback()} go to the server only when the
 * protocol says a transaction is open.
 * <li>{@code rewriteBatchedStatements}: a JDBC batch of inserts (lookup keys, warning subjects) is sent as
 * multi-row inserts, one round trip instead of one per row.
 * <li>{@code cacheServerConfiguration}: the server variables are read once per URL, not on every new connection.
 * <li>{@code cachePrepStmts}, {@code prepStmtCacheSize}, {@code prepStmtCacheSqlLimit}, {@code cacheResultSetMetadata},
 * {@code maintainTimeStats=false}: client-side CPU only; a statement is parsed once per connection, not on every
 * prepare. Server-side prepared statements ({@code useServerPrepStmts}) stay off: they cost a round trip to
 * prepare each statement.
 * </ul>
 *
 * <p>A setting already in the URL or in {@code spring.datasource.hikari.data-source-properties} is left as given
 * (Connector/J lets connection properties override the URL, so a default added here would otherwise win over
 * the operator's URL). Nothing is added for any other URL: H2 refuses settings it does not know.
 */
@Component
class MySqlDriverDefaults implements BeanPostProcessor, Ordered {

    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rewriteBatchedStatements", "true");
        defaults.put("useLocalSessionState", "true");
        defaults.put("useLocalTransactionState", "true");
        defaults.put("elideSetAutoCommits", "true");
        defaults.put("cacheServerConfiguration", "true");
        defaults.put("cachePrepStmts", "true");
        defaults.put("prepStmtCacheSize", "250");
        defaults.put("prepStmtCacheSqlLimit", "2048");
        defaults.put("cacheResultSetMetadata", "true");
        defaults.put("maintainTimeStats", "false");
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariConfig pool) {
            apply(pool);
        }
        return bean;
    }

    /** After the binding of {@code spring.datasource.*}, which sets the URL and the data-source properties. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void apply(HikariConfig pool) {
        String url = pool.getJdbcUrl();
        if (url == null || !url.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length())) {
            return;
        }
        Properties given = pool.getDataSourceProperties();
        DEFAULTS.forEach((name, value) -> {
            if (!inUrl(url, name) && !given(given, name)) {
                pool.addDataSourceProperty(name, value);
            }
        });
    }

    /** Connector/J reads properties case-insensitively, from the query and from host specs such as {@code (key=value)}. */
    private static boolean inUrl(String url, String name) {
        return Pattern.compile("[?&(,]\\s*" + Pattern.quote(name) + "\\s*=", Pattern.CASE_INSENSITIVE).matcher(url).find();
    }

    private static boolean given(Properties properties, String name) {
        return properties.keySet().stream().anyMatch(key -> name.equalsIgnoreCase(String.valueOf(key)));
    }
}
