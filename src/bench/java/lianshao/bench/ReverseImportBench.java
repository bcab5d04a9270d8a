package lianshao.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.LianshaoApplication;
import lianshao.TestRecords;
import lianshao.records.BackgroundEvaluation;
import lianshao.records.RecordIngestion;
import lianshao.security.Binding;
import lianshao.support.Json;

/**
 * The re-evaluation fan-out of late arrivals: N purchases of one school sharing their context keys (one fiscal year and
 * catalogue category, ten budget lines), imported in batches in reverse order of their act dates, so that every batch
 * arrived late for all the records stored before it. Counts the evaluations (rows of the evaluation log) per record:
 * as an import job (its re-evaluations held until it ends) and, for the smallest N only, re-evaluated after every
 * batch as a feed's posts would be. Args: batch size, then the values of N (default 500 1000 10000 100000).
 * The database is {@code BENCH_DB_URL} (a fresh MariaDB database; default: an in-memory H2).
 */
public final class ReverseImportBench {

    private ReverseImportBench() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(1_000, 10_000, 100_000));
        }
        String url = System.getenv().getOrDefault("BENCH_DB_URL",
                "jdbc:h2:mem:bench;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1");
        boolean h2 = url.startsWith("jdbc:h2");
        // as command-line arguments: they win over the test classpath's config/application.properties (an embedded H2)
        Map<String, String> settings = Map.of("spring.datasource.url", url,
                "spring.datasource.username", h2 ? "sa" : "root",
                "spring.datasource.password", "",
                "lianshao.demo.enabled", "false",
                "lianshao.evaluation.poll-interval", "1h", "server.port", "0", "server.address", "127.0.0.1",
                "lianshao.evaluation.late-arrival-delay", "0s",
                "lianshao.notifications.reminder-interval", "1h",
                "lianshao.notifications.deliver-interval", "1h");
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LianshaoApplication.class).run(arguments)) {
            RecordIngestion ingestion = app.getBean(RecordIngestion.class);
            BackgroundEvaluation background = app.getBean(BackgroundEvaluation.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int run = 0;
            for (int n : sizes) {
                run++;
                if (run == 1) {
                    report(jdbc, ingestion, background, n, batch, false, run);
                    run++;
                }
                report(jdbc, ingestion, background, n, batch, true, run);
            }
        }
    }

    private static void report(JdbcClient jdbc, RecordIngestion ingestion, BackgroundEvaluation background, int n, int batch,
            boolean asImport, int run) {
        String org = "SCH-BENCH-" + run;
        jdbc.sql("INSERT INTO org (code, name, type, district, parent_code, updated_at) VALUES (?, ?, 'SCHOOL', '清源区', NULL, ?)")
                .params(org, "基准测试学校 " + run, LocalDateTime.now().withNano(0)).update();
        String job = asImport ? "bench-import-" + run : null;
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        LocalDateTime last = LocalDateTime.of(2026, 12, 31, 18, 0);
        for (int from = 0; from < n; from += batch) {
            List<JsonNode> envelopes = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                // about 300 a day, latest first
                LocalDateTime at = last.minusMinutes(i * 5L);
                ObjectNode record = TestRecords.smallPurchase(org);
                record.put("occurredAt", at + ":00+08:00");
                TestRecords.set(record, "payload.budgetProjectCode", "BP-BENCH-" + run + "-" + (i % 10));
                TestRecords.set(record, "payload.amount", Json.parse("1000.00"));
                envelopes.add(record);
            }
            ingestion.ingest(envelopes, TestRecords.SOURCE, Binding.CITY, job).forEach(r -> ids.add(r.recordId()));
            if (!asImport) {
                background.drainQueue();
            }
        }
        long ingested = System.nanoTime();
        if (asImport) {
            ingestion.releaseHeldReevaluations(job);
        }
        int reevaluated = background.drainQueue();
        long end = System.nanoTime();
        long evaluations = jdbc.sql("SELECT COUNT(*) FROM evaluation e JOIN record r ON r.id = e.record_id WHERE r.org_code = ?")
                .param(org).query(Long.class).single();
        System.out.printf("RESULT reverse-import mode=%s n=%d batch=%d evaluations=%d per_record=%.3f reevaluated_after=%d "
                        + "ingest_s=%.1f total_s=%.1f records_per_s=%.0f%n",
                asImport ? "import-held" : "feed-each-batch", n, batch, evaluations, (double) evaluations / n, reevaluated,
                (ingested - start) / 1e9, (end - start) / 1e9, n / ((end - start) / 1e9));
    }
}
