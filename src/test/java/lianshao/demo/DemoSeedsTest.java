package lianshao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import lianshao.support.Json;

/**
 * The demo city loads through the same validation and rules as the API, makes every rule fire on the
 * demo records named in {@code seeds/expectations/*.json} and stay silent on their clean twins, and
 * loads again without changing anything.
 */
@SpringBootTest(properties = "lianshao.demo.enabled=true")
@Tag("database")
class DemoSeedsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeeder seeder;

    @TestFactory
    Stream<DynamicTest> eachRuleFiresOnItsDemoRecordsAndNotOnTheirCleanTwins() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("seeds/expectations"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode e : Json.parse(Files.readAllBytes(file))) {
                    String rule = e.get("rule").asString();
                    for (JsonNode risky : e.path("fires")) {
                        tests.add(DynamicTest.dynamicTest(rule + " fires on " + risky.asString(),
                                () -> assertThat(rulesHitOn(risky.asString())).contains(rule)));
                    }
                    for (JsonNode twin : e.path("silent")) {
                        tests.add(DynamicTest.dynamicTest(rule + " silent on " + twin.asString(),
                                () -> assertThat(rulesHitOn(twin.asString())).doesNotContain(rule)));
                    }
                }
            }
        }
        return tests.stream();
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

    @Test
    void loadingAgainAfterACleanSeedPurchaseGotAWarningStoresNoOtherDerivedPurchase() throws Exception {
        // the year of purchases is derived from the seed purchases without warnings; a later record can give one of
        // them a warning (here: another record's warning moved onto it), which changes what would be derived
        String clean = jdbc.sql("""
                SELECT r.id FROM record r WHERE r.source = 'demo-feed' AND r.domain = 'PROCUREMENT' AND r.external_id NOT LIKE ?
                AND NOT EXISTS (SELECT 1 FROM warning w WHERE w.record_id = r.id) ORDER BY r.external_id""")
                .param(DemoYearOfRecords.PREFIX + "%").query(String.class).list().get(0);
        String moved = jdbc.sql("SELECT id FROM warning ORDER BY id").query(String.class).list().get(0);
        String owner = jdbc.sql("SELECT record_id FROM warning WHERE id = ?").param(moved).query(String.class).single();
        long[] before = rows();
        jdbc.sql("UPDATE warning SET record_id = ? WHERE id = ?").params(clean, moved).update();
        try {
            seeder.run(new DefaultApplicationArguments());
        } finally {
            jdbc.sql("UPDATE warning SET record_id = ? WHERE id = ?").params(owner, moved).update();
        }
        assertThat(rows()).containsExactly(before);
    }

    private List<String> rulesHitOn(String externalId) {
        List<String> rules = jdbc.sql("""
                SELECT w.rule_id FROM warning w JOIN record r ON r.id = w.record_id
                WHERE r.source = 'demo-feed' AND r.external_id = ? AND w.still_hits = TRUE""")
                .param(externalId).query(String.class).list();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = 'demo-feed' AND external_id = ?").param(externalId)
                .query(Integer.class).single()).as("demo record " + externalId + " exists").isEqualTo(1);
        return rules;
    }

    private long[] rows() {
        return new long[] {count("record"), count("record_revision"), count("warning"), count("warning_action"), count("org"),
                count("party"), count("relation"), count("sanction"), count("admission_plan"), count("calendar_day")};
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
