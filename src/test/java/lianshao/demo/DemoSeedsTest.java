package lianshao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo city loads through the same validation and rules as the API, makes every implemented rule
 * fire on its risky record and stay silent on its clean twin (seeds/README.md), and loads again
 * without changing anything.
 */
@SpringBootTest(properties = "lianshao.demo.enabled=true")
@Tag("database")
class DemoSeedsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeeder seeder;

    @ParameterizedTest(name = "{0} fires on {1}, silent on its twin {2}")
    @CsvSource({
            "PRC-01, CG-2026-0015, CG-2026-0023",
            "PRC-01, CG-2026-0019, CG-2026-0022",
            "PRC-02, CG-2026-0017, CG-2026-0020",
            "PRC-02, CG-2026-0021, CG-2026-0018",
            "TEN-04, ZB-2026-0003, ZB-2026-0006",
            "TEN-06, ZB-2026-0005, ZB-2026-0010",
            "TEN-06, ZB-2026-0008, ZB-2026-0009",
            "ADM-08, ZS-2026-0013, ZS-2026-0015",
            "ADM-08, ZS-2026-0001, ZS-2026-0002",
            "ADM-08, ZS-2026-0021, ZS-2026-0012"})
    void eachRuleFiresOnItsDemoRecordAndNotOnTheCleanTwin(String rule, String risky, String twin) {
        assertThat(rulesHitOn(risky)).contains(rule);
        assertThat(rulesHitOn(twin)).doesNotContain(rule);
    }

    @Test
    void everyDemoRecordIsEvaluated() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = 'demo-feed' AND status <> 'EVALUATED'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = 'demo-feed'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(80);
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        long[] before = rows();
        seeder.run(new DefaultApplicationArguments());
        assertThat(rows()).containsExactly(before);
    }

    private List<String> rulesHitOn(String externalId) {
        return jdbc.sql("""
                SELECT w.rule_id FROM warning w JOIN record r ON r.id = w.record_id
                WHERE r.source = 'demo-feed' AND r.external_id = ? AND w.still_hits = TRUE""")
                .param(externalId).query(String.class).list();
    }

    private long[] rows() {
        return new long[] {count("record"), count("record_revision"), count("warning"), count("warning_action"), count("org"),
                count("party"), count("relation"), count("sanction"), count("admission_plan"), count("calendar_day")};
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
