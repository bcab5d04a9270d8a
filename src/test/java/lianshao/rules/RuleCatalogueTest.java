package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.authoring.CaseResult;
import lianshao.authoring.RuleTestCase;
import lianshao.authoring.RuleTestFiles;
import lianshao.authoring.RuleTestRunner;
import lianshao.contract.ContractValidator;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;

/**
 * The rules of the repository against the test files beside them: every case of every
 * {@code *.test.json} is its own test, run on the real engine.
 */
class RuleCatalogueTest {

    private static final Path RULES = Path.of("rules");
    private static RuleSet ruleSet;
    private static Evaluator evaluator;
    private static RuleTestRunner runner;

    @BeforeAll
    static void compile() {
        ruleSet = new RuleCompiler().compile(RuleSource.readFolder(RULES));
        evaluator = new Evaluator(new RulesSettings(RULES, 10_000, Duration.ofSeconds(5)), new SimpleMeterRegistry());
        runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryRuleTestFile() {
        return RuleTestFiles.find(RULES).stream()
                .flatMap(file -> RuleTestFiles.read(RULES, file).stream())
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
                    CaseResult result = runner.run(ruleSet, c);
                    assertThat(result.failures()).as(c.file() + " · " + c.name()).isEmpty();
                }));
    }

    @Test
    void everyRuleFileHasATestFileBesideIt() throws Exception {
        try (Stream<Path> files = Files.walk(RULES)) {
            // X.drl and X.drl.xlsx (a decision table) both need X.test.json
            List<Path> untested = files.filter(p -> RuleSource.isRuleFile(p.toString()))
                    .filter(p -> !p.startsWith(RULES.resolve("common")))
                    .filter(p -> !Files.exists(Path.of(p.toString().replaceAll("\\.drl(\\.xlsx)?$", ".test.json"))))
                    .toList();
            assertThat(untested).as("DRL files and decision tables without a .test.json beside them").isEmpty();
        }
    }

    @Test
    void everyCatalogueRuleHasAFiringCaseAndASilentCase() {
        Map<String, int[]> counts = new HashMap<>();
        for (Path file : RuleTestFiles.find(RULES)) {
            for (RuleTestCase c : RuleTestFiles.read(RULES, file)) {
                int[] n = counts.computeIfAbsent(c.ruleId(), id -> new int[2]);
                n[c.expect().path("fires").asBoolean(false) ? 0 : 1]++;
            }
        }
        assertThat(ruleSet.rulesById()).isNotEmpty();
        for (String id : ruleSet.rulesById().keySet()) {
            int[] n = counts.getOrDefault(id, new int[2]);
            assertThat(n[0]).as(id + " cases that fire").isGreaterThan(0);
            assertThat(n[1]).as(id + " cases that stay silent").isGreaterThan(0);
        }
    }
}
