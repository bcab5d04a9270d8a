package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.zaxxer.hikari.HikariDataSource;

class MySqlDriverDefaultsTest {

    private final MySqlDriverDefaults defaults = new MySqlDriverDefaults();

    private HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    @Test
    void aMySqlUrlGetsTheDriverDefaults() {
        HikariDataSource pool = pool("jdbc:mysql://db.example:3306/lianshao?characterEncoding=UTF-8");
        assertThat(defaults.postProcessBeforeInitialization(pool, "dataSource")).isSameAs(pool);
        assertThat(pool.getDataSourceProperties()).containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("useLocalSessionState", "true").containsEntry("useLocalTransactionState", "true")
                .containsEntry("cachePrepStmts", "true").containsEntry("prepStmtCacheSize", "250")
                .containsEntry("prepStmtCacheSqlLimit", "2048").containsEntry("cacheServerConfiguration", "true")
                .containsEntry("elideSetAutoCommits", "true").containsEntry("maintainTimeStats", "false")
                .containsEntry("cacheResultSetMetadata", "true").doesNotContainKey("useServerPrepStmts")
                .hasSize(MySqlDriverDefaults.DEFAULTS.size());
    }

    @Test
    void aValueInTheUrlIsLeftToTheUrl() {
        HikariDataSource pool = pool("jdbc:mysql://db.example/lianshao?characterEncoding=UTF-8&rewriteBatchedStatements=false"
                + "&CACHEPREPSTMTS=false");
        defaults.postProcessBeforeInitialization(pool, "dataSource");
        assertThat(pool.getDataSourceProperties()).doesNotContainKeys("rewriteBatchedStatements", "cachePrepStmts")
                .containsEntry("useLocalSessionState", "true").hasSize(MySqlDriverDefaults.DEFAULTS.size() - 2);
    }

    @Test
    void aConfiguredDataSourcePropertyIsKept() {
        HikariDataSource pool = pool("jdbc:mysql://db.example/lianshao");
        pool.addDataSourceProperty("prepStmtCacheSize", "50");
        pool.addDataSourceProperty("uselocalsessionstate", "false");
        defaults.postProcessBeforeInitialization(pool, "dataSource");
        assertThat(pool.getDataSourceProperties()).containsEntry("prepStmtCacheSize", "50")
                .containsEntry("uselocalsessionstate", "false").doesNotContainKey("useLocalSessionState")
                .containsEntry("rewriteBatchedStatements", "true");
    }

    @Test
    void nothingIsAddedForH2OrAnotherDatabase() {
        for (String url : new String[] {"jdbc:h2:mem:x;MODE=MySQL;rewriteBatchedStatements=x", "jdbc:h2:file:./data/lianshao",
                "jdbc:postgresql://db/lianshao"}) {
            HikariDataSource pool = pool(url);
            defaults.postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).as(url).isEmpty();
        }
        HikariDataSource noUrl = new HikariDataSource();
        defaults.postProcessBeforeInitialization(noUrl, "dataSource");
        assertThat(noUrl.getDataSourceProperties()).isEmpty();
    }

    @Test
    void theBootPoolGetsThemAfterItsSettingsAreBound() {
        // no connection is opened: Hikari connects on first use
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withBean(MySqlDriverDefaults.class)
                .withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:9/lianshao?useLocalTransactionState=false",
                        "spring.datasource.hikari.data-source-properties.rewriteBatchedStatements=false")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getDataSourceProperties()).containsEntry("rewriteBatchedStatements", "false")
                            .doesNotContainKey("useLocalTransactionState").containsEntry("useLocalSessionState", "true");
                });
    }

    @Test
    void otherBeansPassThrough() {
        Object bean = new Object();
        assertThat(defaults.postProcessBeforeInitialization(bean, "other")).isSameAs(bean);
    }
}
