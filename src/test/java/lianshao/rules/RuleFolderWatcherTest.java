package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The developer loop on a temporary rules folder: edits reload; a broken edit is logged and the running set kept. */
class RuleFolderWatcherTest {

    private static final String RULE = """
            package lianshao.rules.watch;

            import lianshao.facts.*;

            global Hits hits;

            rule "TST-01 watched"
                @id("TST-01") @title("测试") @form(1) @clause("M9") @basis("测试") @departments("纪检组")
            when
                $t : Tender( current )
            then
                hits.raise("%s");
            end
            """;

    @TempDir
    Path folder;
    private RuleFolderWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void anEditReloadsABrokenEditKeepsTheRunningSetAndAFixReloadsAgain() throws Exception {
        Path sub = Files.createDirectories(folder.resolve("tender"));
        Files.writeString(sub.resolve("TST-01.drl"), RULE.formatted("第一版"));
        Files.writeString(folder.resolve("thresholds.properties"), "k=1\n");
        RuleCompiler compiler = new RuleCompiler();
        RuleSet first = compiler.compile(RuleSource.readFolder(folder));
        ActiveRuleSet active = new ActiveRuleSet(new ActiveRuleSet.Deployment(first, 1, 1), new SimpleMeterRegistry());
        watcher = new RuleFolderWatcher(folder, compiler, active, Duration.ofMillis(200));
        watcher.start();

        Files.writeString(sub.resolve("TST-01.drl"), RULE.formatted("第二版"));
        await(() -> !active.get().version().equals(first.version()));
        RuleSet second = active.get();
        assertThat(second.version()).isEqualTo(RuleSource.readFolder(folder).version());
        assertThat(active.deployment().number()).isEqualTo(1);

        Files.writeString(sub.resolve("TST-01.drl"), RULE.formatted("第三版").replace("hits.raise(\"第三版\");", "System.exit(3);"));
        await(() -> watcher.lastError() != null);
        assertThat(watcher.lastError()).contains("tender/TST-01.drl").contains("System");
        assertThat(active.get()).isSameAs(second);

        Path newFolder = Files.createDirectories(folder.resolve("procurement"));
        Files.writeString(sub.resolve("TST-01.drl"), RULE.formatted("第三版"));
        Files.writeString(newFolder.resolve("TST-02.drl"), RULE.formatted("新文件").replace("TST-01", "TST-02"));
        await(() -> active.get().rulesById().containsKey("TST-02"));
        assertThat(watcher.lastError()).isNull();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 15 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
