package lianshao.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.evaluation.Context;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.facts.WorkCalendar;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;
import lianshao.support.Json;

/**
 * Many rule-set deployments in a row in one JVM: the repository's catalogue compiled again and again, each new rule
 * set replacing the last and judging records until its code is compiled by the JIT, as a deployment followed by
 * traffic does. After each deployment: heap after GC, metaspace, code cache, loaded and unloaded classes, and the
 * warm evaluation time, so growth shows. Args: deployments (default 50), evaluations after each (default 3000).
 * Run with the service's flags to compare (e.g. -XX:ReservedCodeCacheSize).
 */
public final class DeployCycleBench {

    private DeployCycleBench() {
    }

    public static void main(String[] args) {
        int deployments = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        RuleSource source = RuleSource.readFolder(Path.of("rules"));
        RuleCompiler compiler = new RuleCompiler();
        Evaluator evaluator = new Evaluator(new RulesSettings(Path.of("rules"), 10_000, Duration.ofSeconds(30)),
                new SimpleMeterRegistry());
        RecordFact record = new FactMapper().toFact(new RecordMeta("r1", "E1", "bench", "PROCUREMENT", "SCH-1",
                OffsetDateTime.parse("2026-04-01T09:00:00+08:00")), Json.parse("""
                { "purchaseId": "P1", "fiscalYear": 2026, "budgetProjectCode": "BP-1", "itemCategory": "A01",
                  "description": "设备", "amount": 2500000.00, "method": "INQUIRY", "supplierRef": "SUP-1", "approverRef": "APP-1" }"""),
                true);
        Context context = new Context(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new WorkCalendar(Set.of(), Set.of()));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.println("| deployment | build s | heap MB (after GC) | metaspace MB | code cache MB | classes loaded | unloaded | warm evaluation µs |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        RuleSet active = null;
        for (int d = 1; d <= deployments; d++) {
            long start = System.nanoTime();
            RuleSet built = compiler.compile(source);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            active = built;
            for (int i = 0; i < evaluations; i++) {
                evaluator.evaluate(active, record, context);
            }
            int loops = 500;
            long t = System.nanoTime();
            for (int i = 0; i < loops; i++) {
                evaluator.evaluate(active, record, context);
            }
            double warm = (System.nanoTime() - t) / 1e3 / loops;
            gc();
            System.out.printf("| %d | %.2f | %.0f | %.1f | %.1f | %d | %d | %.0f |%n", d, buildSeconds,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, pool("Metaspace"),
                    pool("CodeHeap"), classes.getLoadedClassCount(), classes.getUnloadedClassCount(), warm);
        }
    }

    /** Used MB of the memory pools whose name starts with the prefix (the code cache is three CodeHeap pools). */
    private static double pool(String prefix) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().startsWith(prefix)) {
                used += pool.getUsage().getUsed();
            }
        }
        return used / 1048576.0;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
