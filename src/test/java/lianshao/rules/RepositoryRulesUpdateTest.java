package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import lianshao.LianshaoApplication;

/**
 * A new release of the repository's rules reaches a database that already holds rule sets: imported
 * and activated at start-up while no author has deployed a version of their own.
 */
class RepositoryRulesUpdateTest {

    @TempDir
    Path rules;

    @Test
    void aChangedRulesFolderIsImportedAsTheNextVersionAtStartUp() throws Exception {
        copy(Path.of("rules"), rules);
        String db = "jdbc:h2:mem:rules-update;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        String version1;
        try (ConfigurableApplicationContext first = start(db)) {
            ActiveRuleSet active = first.getBean(ActiveRuleSet.class);
            assertThat(active.deployment().number()).isEqualTo(1);
            version1 = active.get().version();
        }
        try (ConfigurableApplicationContext again = start(db)) {
            assertThat(again.getBean(ActiveRuleSet.class).deployment().number()).as("unchanged folder: nothing imported").isEqualTo(1);
        }
        Path threshold = rules.resolve("thresholds.properties");
        Files.writeString(threshold, Files.readString(threshold).replace("tender.min-bid-period.days=20", "tender.min-bid-period.days=21"));
        try (ConfigurableApplicationContext updated = start(db)) {
            ActiveRuleSet active = updated.getBean(ActiveRuleSet.class);
            assertThat(active.deployment().number()).isEqualTo(2);
            assertThat(active.get().version()).isNotEqualTo(version1);
            assertThat(active.get().thresholds().days("tender.min-bid-period.days")).isEqualTo(21);
        }
    }

    private ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(LianshaoApplication.class).run("--server.port=0", "--spring.datasource.url=" + db,
                "--lianshao.rules.location=" + rules, "--lianshao.demo.enabled=false", "--lianshao.evaluation.poll-interval=1h");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
