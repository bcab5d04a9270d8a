package lianshao.imports;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import lianshao.support.Times;

/**
 * The bounded pool that processes imports in the background: a few workers and a short queue; beyond that an
 * upload is refused (503) rather than queued without bound. At start-up, imports a stopped instance left
 * RUNNING (no progress for a while) are marked FAILED.
 */
@Component
class ImportExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportExecutor.class);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final ThreadPoolExecutor pool;
    private final ImportRunner runner;
    private final ImportJobs jobs;

    ImportExecutor(ImportSettings settings, ImportRunner runner, ImportJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
        AtomicInteger n = new AtomicInteger();
        int workers = Math.max(1, settings.workers());
        this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), r -> {
                    Thread t = new Thread(r, "lianshao-import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
    }

    /** False when the queue is full. */
    boolean submit(ImportRunner.Task task) {
        try {
            pool.execute(() -> runner.run(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        int failed = jobs.failAbandoned(Times.nowUtc().minus(ABANDONED_AFTER),
                "服务重启，导入中断，请重新上传 / interrupted by a restart: upload the file again");
        if (failed > 0) {
            log.warn("{} interrupted import(s) marked FAILED", failed);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
