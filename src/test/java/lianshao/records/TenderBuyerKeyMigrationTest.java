package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V16 gives the tenders stored before the context key TENDER_BUYER existed that key, from their ORG
 * key and with its revision, so the cross-tender rules see a buyer's older tenders too; other domains get none.
 */
class TenderBuyerKeyMigrationTest {

    @Test
    void storedTendersGetTheBuyerKeyOfTheirOrganisation() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:v16-" + System.nanoTime() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                        + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).target("14").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        record("T-1", "TENDER", jdbc);
        record("P-1", "PROCUREMENT", jdbc);
        key("T-1", "ORG", "SCH-0101", 2, jdbc);
        key("T-1", "PARTY", "ORG-SUP-01", 2, jdbc);
        key("P-1", "ORG", "SCH-0101", 1, jdbc);

        Flyway.configure().dataSource(db).load().migrate();

        List<String> buyerKeys = jdbc.sql("SELECT record_id || '=' || key_value || '@' || revision FROM record_key"
                + " WHERE key_name = 'TENDER_BUYER'").query(String.class).list();
        assertThat(buyerKeys).containsExactly("T-1=SCH-0101@2");
    }

    private static void record(String id, String domain, JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO record (id, source, external_id, domain, org_code, occurred_at, revision, content_hash, status,
                                    attempts, received_at, updated_at)
                VALUES (?, 'feed', ?, ?, 'SCH-0101', TIMESTAMP '2026-03-01 09:00:00', 1, ?, 'EVALUATED', 0,
                        TIMESTAMP '2026-03-01 09:00:00', TIMESTAMP '2026-03-01 09:00:00')""")
                .params(id, id, domain, "0".repeat(64)).update();
    }

    private static void key(String recordId, String name, String value, int revision, JdbcClient jdbc) {
        jdbc.sql("INSERT INTO record_key (record_id, key_name, key_value, occurred_at, revision)"
                + " VALUES (?, ?, ?, TIMESTAMP '2026-03-01 09:00:00', ?)")
                .params(recordId, name, value, revision).update();
    }
}
