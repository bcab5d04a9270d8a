package lianshao.authoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import lianshao.web.ServiceBusy;

/**
 * The share of the service that drafts get. Validating and testing a draft compiles and runs an
 * author's rules, backtests run them over months of records: each is bounded so that the feeds keep
 * their CPU and heap whatever a draft does.
 * <ul>
 * <li>validations and test runs: at most {@link AuthoringSettings#maxConcurrentRuns()} at once; the next
 * waits briefly, then is refused with 503 and Retry-After;</li>
 * <li>backtests: at most {@link AuthoringSettings#maxBacktests()} running or queued, the rest refused
 * with 503; each with a time limit, and holding at most {@code Backtests.MAX_RECORDS} record ids;</li>
 * <li>nothing starts while less than {@link AuthoringSettings#minFreeHeapShare()} of the heap is free
 * after the last collection.</li>
 * </ul>
 */
@Component
public class DraftRuns {

    private final AuthoringSettings settings;
    private final Semaphore runs;
    private final Semaphore backtests;
    private final DoubleSupplier freeHeapShare;

    @Autowired
    DraftRuns(AuthoringSettings settings) {
        this(settings, DraftRuns::freeHeapAfterCollection);
    }

    DraftRuns(AuthoringSettings settings, DoubleSupplier freeHeapShare) {
        this.settings = settings;
        this.runs = new Semaphore(Math.max(settings.maxConcurrentRuns(), 1), true);
        this.backtests = new Semaphore(Math.max(settings.maxBacktests(), 1));
        this.freeHeapShare = freeHeapShare;
    }

    /** Runs a validation or test of a draft in its turn, or refuses it (503) when the drafts' share is taken. */
    public <T> T run(Supplier<T> work) {
        enoughHeap();
        boolean acquired;
        try {
            acquired = runs.tryAcquire(settings.waitForRun().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ServiceBusy("已有 " + settings.maxConcurrentRuns() + " 个规则校验或测试在运行，请稍后重试 / "
                    + settings.maxConcurrentRuns() + " rule validations or test runs are already running: retry later");
        }
        try {
            return work.get();
        } finally {
            runs.release();
        }
    }

    /** The time one test run may take. */
    public Duration testTimeLimit() {
        return settings.testTimeLimit();
    }

    public Duration backtestTimeLimit() {
        return settings.backtestTimeLimit();
    }

    /** The threads one backtest judges its records on. */
    public int backtestThreads() {
        return settings.backtestThreads();
    }

    /** Takes a backtest slot (running or queued), or refuses the backtest (503); release with {@link #backtestDone()}. */
    public void reserveBacktest() {
        enoughHeap();
        if (!backtests.tryAcquire()) {
            throw new ServiceBusy("已有 " + settings.maxBacktests() + " 个回测在运行或排队，请稍后重试 / " + settings.maxBacktests()
                    + " backtests are already running or waiting: retry later");
        }
    }

    public void backtestDone() {
        backtests.release();
    }

    private void enoughHeap() {
        double free = freeHeapShare.getAsDouble();
        if (free < settings.minFreeHeapShare()) {
            throw new ServiceBusy(String.format("可用堆内存不足（%.0f%%，至少需要 %.0f%%），暂不运行规则草稿，请稍后重试 / too little free heap "
                    + "(%.0f%%, %.0f%% needed) to run a draft now: retry later", free * 100, settings.minFreeHeapShare() * 100,
                    free * 100, settings.minFreeHeapShare() * 100));
        }
    }

    /** The free share of the heap, counting what the last collection left of each pool (garbage is not in use). */
    static double freeHeapAfterCollection() {
        long max = Runtime.getRuntime().maxMemory();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage afterCollection = pool.getCollectionUsage();
            MemoryUsage usage = afterCollection != null ? afterCollection : pool.getUsage();
            used += usage.getUsed();
        }
        return max <= 0 ? 1.0 : Math.max(0.0, 1.0 - (double) used / max);
    }
}
