package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import lianshao.rules.RuleProblem;
import lianshao.rules.RulesSettings;
import lianshao.web.ServiceBusy;

/** Drafts get a bounded share of the service: concurrent runs, queued backtests, time and heap. */
class DraftRunsTest {

    private static AuthoringSettings settings(int runs, int backtests, Duration testLimit, double minFreeHeap) {
        return new AuthoringSettings(runs, Duration.ofMillis(50), testLimit, backtests, Duration.ofHours(1), minFreeHeap, 2);
    }

    @Test
    void aRunBeyondTheConcurrentLimitIsRefusedAsBusyAndTheNextOneAfterwardsRuns() throws Exception {
        DraftRuns runs = new DraftRuns(settings(1, 1, Duration.ofMinutes(1), 0.1), () -> 1.0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> runs.run(() -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> runs.run(() -> "second")).isInstanceOf(ServiceBusy.class)
                .hasMessageContaining("retry later").hasMessageContaining(" / ");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(runs.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void backtestsBeyondTheQueueAreRefusedUntilOneIsDone() {
        DraftRuns runs = new DraftRuns(settings(1, 2, Duration.ofMinutes(1), 0.1), () -> 1.0);
        runs.reserveBacktest();
        runs.reserveBacktest();

        assertThatThrownBy(runs::reserveBacktest).isInstanceOf(ServiceBusy.class).hasMessageContaining("backtests");

        runs.backtestDone();
        runs.reserveBacktest();
    }

    @Test
    void nothingStartsWhileTooLittleHeapIsFree() {
        DraftRuns runs = new DraftRuns(settings(2, 2, Duration.ofMinutes(1), 0.2), () -> 0.05);

        assertThatThrownBy(() -> runs.run(() -> "x")).isInstanceOf(ServiceBusy.class).hasMessageContaining("free heap");
        assertThatThrownBy(runs::reserveBacktest).isInstanceOf(ServiceBusy.class).hasMessageContaining("free heap");
    }

    @Test
    void theFreeHeapShareIsAShare() {
        assertThat(DraftRuns.freeHeapAfterCollection()).isBetween(0.0, 1.0);
    }

    @Test
    void aTestRunPastItsTimeLimitStopsRunningCasesAndFails() throws Exception {
        DraftRuns runs = new DraftRuns(settings(1, 1, Duration.ZERO, 0.0), () -> 1.0);
        RuleSetChecks checks = new RuleSetChecks(new RulesSettings(Path.of("rules"), 10_000, Duration.ofSeconds(2)), null, runs);
        String drl = Files.readString(Path.of("rules/tender/TEN-04-short-bid-period.drl"));
        String tests = Files.readString(Path.of("rules/tender/TEN-04-short-bid-period.test.json"));
        String thresholds = Files.readString(Path.of("rules/thresholds.properties"));

        TestReport report = checks.test(Map.of("tender/TEN-04-short-bid-period.drl", drl, "tender/TEN-04-short-bid-period.test.json",
                tests, "thresholds.properties", thresholds), null);

        assertThat(report.passed()).isFalse();
        assertThat(report.cases()).isEmpty();
        assertThat(report.errors()).extracting(RuleProblem::message).singleElement()
                .satisfies(m -> assertThat(m).contains("time limit").contains("时限"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
