package lianshao.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.authoring.RuleTestCase;
import lianshao.authoring.RuleTestFiles;
import lianshao.authoring.RuleTestRunner;
import lianshao.contract.ContractValidator;
import lianshao.evaluation.EvaluationOutcome;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;

/**
 * In-process evaluation with the whole catalogue of {@code rules/}: every case of every rule test
 * file (records of all five domains, risky and clean, with their context facts: parties, relations,
 * earlier records, sanctions...) evaluated in turn, each in a fresh session as the service does.
 * Context loading from the database is not part of this number.
 */
public class EvaluationBench {

    @State(Scope.Benchmark)
    public static class Catalogue {
        RuleSet ruleSet;
        Evaluator evaluator;
        List<RuleTestRunner.Prepared> cases = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() {
            Path rules = Path.of(System.getProperty("bench.rules", "rules"));
            ruleSet = new RuleCompiler().compile(RuleSource.readFolder(rules));
            evaluator = new Evaluator(new RulesSettings(rules, 10_000, Duration.ofSeconds(5)), new SimpleMeterRegistry());
            RuleTestRunner runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
            for (Path file : RuleTestFiles.find(rules)) {
                for (RuleTestCase c : RuleTestFiles.read(rules, file)) {
                    cases.add(runner.prepare(c));
                }
            }
            System.out.printf("%n[catalogue] %d rules, %d cases, version %s%n", ruleSet.rulesById().size(), cases.size(),
                    ruleSet.version());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            evaluator.close();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public EvaluationOutcome evaluateOneRecord(Catalogue catalogue, Cursor cursor) {
        RuleTestRunner.Prepared c = catalogue.cases.get(cursor.next++ % catalogue.cases.size());
        return catalogue.evaluator.evaluate(catalogue.ruleSet, c.record(), c.context());
    }

    /** Runs throughput and sampled latency on one and on two threads. Args: [warmup-s] [measure-s]. */
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int threads : new int[] {1, 2}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(EvaluationBench.class.getName() + ".evaluateOneRecord")
                    .forks(1)
                    .jvmArgs("-Xms1g", "-Xmx1g", "-Dlogback.configurationFile=src/bench/resources/logback-bench.xml", "-Dbench.rules=" + System.getProperty("bench.rules", "rules"))
                    .threads(threads)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(warmup))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(measure))
                    .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                    .mode(org.openjdk.jmh.annotations.Mode.SampleTime)
                    .timeUnit(TimeUnit.MICROSECONDS)
                    .result("target/jmh-evaluation-" + threads + "t.json")
                    .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON);
            new Runner(options.build()).run();
        }
    }
}
