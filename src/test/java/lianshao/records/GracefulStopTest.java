package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

/** Shutdown lets the running background round finish its claimed records and starts no new work. */
class GracefulStopTest {

    final ReevaluationQueue queue = mock(ReevaluationQueue.class);
    final RecordStore store = mock(RecordStore.class);
    final RecordEvaluator evaluator = mock(RecordEvaluator.class);
    final EvaluationSettings settings = new EvaluationSettings(5, 500, 2000, Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofHours(1), 100, 10000, 3, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofHours(1));
    final BackgroundEvaluation background = new BackgroundEvaluation(queue, store, evaluator, settings,
            mock(RecordIngestion.class));

    @Test
    void stopWaitsForTheClaimedRecordsAndTakesNoMore() throws Exception {
        CountDownLatch evaluating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(queue.claim(anyInt(), any(), any())).thenReturn(List.of(claim("r1"), claim("r2")), List.of(claim("r3")), List.of());
        org.mockito.Mockito.doAnswer((Answer<Void>) inv -> {
            evaluating.countDown();
            release.await(10, TimeUnit.SECONDS);
            return null;
        }).when(evaluator).evaluate(List.of("r1", "r2"));
        background.start();
        CompletableFuture<Void> round = CompletableFuture.runAsync(background::poll);
        assertThat(evaluating.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(background::stop);
        Thread.sleep(300);
        assertThat(stop).as("stop waits while the round evaluates its claimed records").isNotDone();
        release.countDown();
        stop.get(5, TimeUnit.SECONDS);
        round.get(5, TimeUnit.SECONDS);

        verify(queue).done(List.of(claim("r1"), claim("r2")));
        verify(queue, times(1)).claim(anyInt(), any(), any());
        verify(evaluator, never()).evaluate(List.of("r3"));
        verify(store, never()).dueForRetry(any(), anyInt());
        assertThat(background.isRunning()).isFalse();

        background.poll();
        verify(queue, times(1)).claim(anyInt(), any(), any());
    }

    @Test
    void stopWithNoRoundRunningReturnsAtOnce() throws Exception {
        background.start();
        long start = System.nanoTime();
        background.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        background.poll();
        verify(queue, never()).claim(anyInt(), any(), any());
    }

    private static ReevaluationQueue.Claim claim(String id) {
        return new ReevaluationQueue.Claim(id, 0);
    }
}
