package lianshao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import lianshao.support.Json;

/**
 * HTTP load against a service on this machine (loopback only). Two modes:
 * <ul>
 * <li>{@code single RATE SECONDS}: open loop. Request i is due at start + i/RATE; its latency is
 * measured from that intended time, not from when it was actually sent, so a stalled server shows
 * as latency instead of silently lowering the offered rate (no coordinated omission). Sends are
 * asynchronous; in-flight requests are capped, and time spent waiting for the cap counts as latency.
 * <li>{@code batch SIZE CONCURRENCY BATCHES}: closed loop of CONCURRENCY clients each posting
 * batches of SIZE records back to back; records/s is accepted records over wall time.
 * </ul>
 * Args: BASE_URL API_KEY MODE ... [PATH] (PATH defaults to /api/v1/records[/batch]).
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("load is sent to loopback only, not " + base.getHost());
        }
        String key = args[1];
        String mode = args[2];
        long offset = System.nanoTime();
        if (mode.equals("single")) {
            single(base, key, Integer.parseInt(args[3]), Integer.parseInt(args[4]), args.length > 5 ? args[5] : "/api/v1/records", offset);
        } else {
            batch(base, key, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? args[6] : "/api/v1/records/batch", offset);
        }
        System.exit(0);
    }

    static HttpClient client(int threads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(threads)).build();
    }

    static HttpRequest request(URI uri, String key, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void single(URI base, String key, int rate, int seconds, String path, long offset) throws Exception {
        int total = rate * seconds;
        List<String> bodies = Envelopes.singles(total, offset);
        HttpClient client = client(4);
        URI uri = base.resolve(path);
        // warm-up: one second at a tenth of the rate, not recorded
        for (String body : Envelopes.singles(Math.max(20, rate / 10), offset + total + 1)) {
            client.send(request(uri, key, body), HttpResponse.BodyHandlers.discarding());
        }
        Recorder recorder = new Recorder(3);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.Semaphore inflight = new java.util.concurrent.Semaphore(1024);
        CountDownLatch done = new CountDownLatch(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inflight.acquireUninterruptibly();
            client.sendAsync(request(uri, key, bodies.get(i)), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                recorder.recordValue(System.nanoTime() - intended);
                if (e != null) {
                    errors.incrementAndGet();
                } else {
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                }
                inflight.release();
                done.countDown();
            });
        }
        long sentBy = System.nanoTime();
        done.await(120, TimeUnit.SECONDS);
        long end = System.nanoTime();
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf("RESULT single path=%s offered=%d/s seconds=%d requests=%d completed/s=%.0f p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms statuses=%s errors=%d sendLag=%.0fms%n",
                path, rate, seconds, total, h.getTotalCount() / ((end - start) / 1e9), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                h.getMaxValue() / 1e6, statuses, errors.get(), (sentBy - (start + (total - 1) * interval)) / 1e6);
    }

    static void batch(URI base, String key, int size, int concurrency, int batches, String path, long offset) throws Exception {
        List<String> bodies = Envelopes.batches(batches, size, offset);
        HttpClient client = client(concurrency);
        URI uri = base.resolve(path);
        for (String body : Envelopes.batches(2, Math.min(size, 100), offset + (long) batches * size + 1)) {
            client.send(request(uri, key, body), HttpResponse.BodyHandlers.discarding()); // warm-up
        }
        Histogram h = new Histogram(3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < batches) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request(uri, key, bodies.get(i)), HttpResponse.BodyHandlers.ofString());
                        synchronized (h) {
                            h.recordValue(System.nanoTime() - t);
                        }
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 200) {
                            accepted.addAndGet(Json.parse(r.body()).path("accepted").asInt(0));
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT batch path=%s size=%d concurrency=%d batches=%d accepted=%d seconds=%.1f records/s=%.0f batch-p50=%.0fms batch-p99=%.0fms statuses=%s%n",
                path, size, concurrency, batches, accepted.get(), seconds, accepted.get() / seconds, ms(h, 50), ms(h, 99), statuses);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
