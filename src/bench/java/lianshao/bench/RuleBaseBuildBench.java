package lianshao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.SortedMap;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.evaluation.Context;
import lianshao.evaluation.EvaluationOutcome;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;
import lianshao.support.Json;

/**
 * Build time and retained heap of a rule base of 50, 500 and 5,000 generated rules (four shapes:
 * thresholds, method and category tests, a join with the supplier's party, a join with another
 * record of the same budget line), each size built three times in this JVM after a warm-up build;
 * then one record evaluated against it. Args: sizes (default 50 500 5000).
 */
public final class RuleBaseBuildBench {

    private RuleBaseBuildBench() {
    }

    static String id(int i) {
        String prefix = "G" + (char) ('A' + i / 1000 / 26) + (char) ('A' + i / 1000 % 26);
        return prefix + "-" + String.format("%03d", i % 1000);
    }

    static String rule(int i) {
        String when = switch (i % 4) {
            case 0 -> "$p : Procurement( current, amount >= " + (100_000 + i * 37) + ", method == \"INQUIRY\" )";
            case 1 -> "$p : Procurement( current, itemCategory == \"A0" + (i % 97) + "\", amount > " + (i * 11) + " )";
            case 2 -> "$p : Procurement( current, amount > " + (i * 13) + " )\n    Party( id == $p.supplierRef(), kind == \"COMPANY\", name != \"n" + i + "\" )";
            default -> "$p : Procurement( current, amount > " + (i * 17) + " )\n    Procurement( !current, budgetProjectCode == $p.budgetProjectCode(), amount > " + (i % 500) + " )";
        };
        return """
                rule "%1$s generated"
                    @id("%1$s")
                    @title("生成规则 %1$s")
                    @form(%2$d)
                    @clause("M3")
                    @basis("基准测试")
                    @departments("纪检组")
                when
                    %3$s
                then
                    hits.raise("generated %1$s").subject($p.approverRef()).evidence("amount", $p.amount());
                end
                """.formatted(id(i), 1 + i % 4, when);
    }

    static RuleSource source(int rules, int perFile) {
        SortedMap<String, String> files = new TreeMap<>();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < rules; i++) {
            if (file.isEmpty()) {
                file.append("package lianshao.rules.generated;\n\nimport lianshao.facts.*;\n\nglobal Hits hits;\n\n");
            }
            file.append(rule(i)).append('\n');
            if ((i + 1) % perFile == 0 || i == rules - 1) {
                files.put("generated/G" + String.format("%05d", i / perFile) + ".drl", file.toString());
                file.setLength(0);
            }
        }
        String thresholds = RuleSource.readFolder(java.nio.file.Path.of("rules")).thresholdsText();
        return new RuleSource(files, thresholds);
    }

    static long usedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {50, 500, 5000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        RuleCompiler compiler = new RuleCompiler();
        compiler.compile(source(20, 50)); // warm the compiler
        Evaluator evaluator = new Evaluator(new RulesSettings(java.nio.file.Path.of("rules"), 10_000, Duration.ofSeconds(30)),
                new SimpleMeterRegistry());
        FactMapper mapper = new FactMapper();
        RecordFact record = mapper.toFact(new RecordMeta("r1", "E1", "bench", "PROCUREMENT", "SCH-1",
                OffsetDateTime.parse("2026-04-01T09:00:00+08:00")), Json.parse("""
                { "purchaseId": "P1", "fiscalYear": 2026, "budgetProjectCode": "BP-1", "itemCategory": "A01",
                  "description": "设备", "amount": 2500000.00, "method": "INQUIRY", "supplierRef": "SUP-1", "approverRef": "APP-1" }"""),
                true);
        Context context = new Context(java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), new lianshao.facts.WorkCalendar(java.util.Set.of(), java.util.Set.of()));
        System.out.println("| rules | files | build s (best of 3) | build s (each) | retained heap MB | first evaluation ms | warm evaluation µs | hits |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            RuleSource source = source(n, 50);
            double best = Double.MAX_VALUE;
            StringBuilder each = new StringBuilder();
            RuleSet kept = null;
            long retained = 0;
            for (int run = 0; run < 3; run++) {
                kept = null;
                long before = usedHeap(memory);
                long start = System.nanoTime();
                RuleSet built = compiler.compile(source);
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.min(best, seconds);
                each.append(each.isEmpty() ? "" : ", ").append(String.format("%.2f", seconds));
                kept = built;
                retained = usedHeap(memory) - before;
            }
            long t0 = System.nanoTime();
            EvaluationOutcome first = evaluator.evaluate(kept, record, context);
            double firstMs = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 200; i++) {
                evaluator.evaluate(kept, record, context);
            }
            long t1 = System.nanoTime();
            int loops = 200;
            for (int i = 0; i < loops; i++) {
                evaluator.evaluate(kept, record, context);
            }
            double warmMicros = (System.nanoTime() - t1) / 1e3 / loops;
            System.out.printf("| %d | %d | %.2f | %s | %.0f | %.1f | %.0f | %d |%n", n, source.drlFiles().size(), best, each,
                    retained / 1048576.0, firstMs, warmMicros, first.hits().size());
        }
        evaluator.close();
    }
}
