package lianshao.authoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the service a draft's checks may take, so that one author's rule set cannot slow the feeds.
 *
 * @param maxConcurrentRuns   validations and test runs of drafts at the same time (one by default: the other core stays
 *                            with the feeds); more wait up to {@code waitForRun}, then 503
 * @param waitForRun          how long a validation or test run waits for its turn
 * @param testTimeLimit       one test run: cases and records after this are not run, and the run fails
 * @param maxBacktests        backtests running or queued at once; more are refused with 503
 * @param backtestTimeLimit   one backtest: stopped and marked FAILED after this
 * @param minFreeHeapShare    share of the heap (after the last collection) that must be free to start a run or a backtest
 * @param backtestThreads     threads one backtest judges its records on (chunks of 50 records each); both cores by
 *                            default, at the cost of the ingest that shares them while it runs
 */
@ConfigurationProperties("lianshao.authoring")
public record AuthoringSettings(@DefaultValue("1") int maxConcurrentRuns, @DefaultValue("5s") Duration waitForRun,
        @DefaultValue("60s") Duration testTimeLimit, @DefaultValue("3") int maxBacktests,
        @DefaultValue("2h") Duration backtestTimeLimit, @DefaultValue("0.15") double minFreeHeapShare,
        @DefaultValue("2") int backtestThreads) {

    public static final AuthoringSettings DEFAULT = new AuthoringSettings(1, Duration.ofSeconds(5), Duration.ofSeconds(60), 3,
            Duration.ofHours(2), 0.15, 2);
}
