package lianshao.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import lianshao.rules.RuleFiles;
import lianshao.rules.RuleProblem;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSetInvalidException;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;

/**
 * Validates a version's files (safety check, then compile) and runs its rule test files and ad-hoc
 * records against it.
 */
@Component
public class RuleSetChecks {

    private final RulesSettings settings;
    private final RuleTestRunner runner;
    private final DraftRuns draftRuns;

    RuleSetChecks(RulesSettings settings, RuleTestRunner runner, DraftRuns draftRuns) {
        this.settings = settings;
        this.runner = runner;
        this.draftRuns = draftRuns;
    }

    /** A compiled rule set, or the problems that keep it from compiling. */
    public record Compiled(RuleSet ruleSet, List<RuleProblem> problems) {
        public boolean valid() {
            return ruleSet != null;
        }
    }

    public Compiled compile(Map<String, String> files) {
        try {
            return new Compiled(settings.compiler().compile(RuleSource.fromFiles(files)), List.of());
        } catch (RuleSetInvalidException e) {
            return new Compiled(null, e.problems());
        }
    }

    /**
     * Compiles, then runs every test file of the version and each ad-hoc record ({@code {"records": [...]}}),
     * within the test time limit: what is left when it is reached is not run, and the run fails.
     */
    public TestReport test(Map<String, String> files, JsonNode request) {
        long deadline = System.nanoTime() + draftRuns.testTimeLimit().toNanos();
        Compiled compiled = compile(files);
        if (!compiled.valid()) {
            return new TestReport(false, compiled.problems(), List.of(), List.of());
        }
        RuleSet ruleSet = compiled.ruleSet();
        List<RuleProblem> errors = new ArrayList<>();
        List<TestReport.CaseReport> cases = new ArrayList<>();
        files.forEach((path, text) -> {
            if (!RuleFiles.isTestFile(path)) {
                return;
            }
            List<RuleTestCase> parsed;
            try {
                parsed = RuleTestFiles.parse(path, text);
            } catch (RuntimeException e) {
                errors.add(new RuleProblem(path, 0, 0, "测试文件无法读取：" + e.getMessage() + " / test file unreadable: " + e.getMessage()));
                return;
            }
            for (RuleTestCase c : parsed) {
                if (overdue(deadline, errors)) {
                    return;
                }
                cases.add(run(ruleSet, c));
            }
        });
        List<TestReport.RecordReport> records = new ArrayList<>();
        if (request != null) {
            int i = 0;
            for (JsonNode item : request.path("records")) {
                if (overdue(deadline, errors)) {
                    break;
                }
                records.add(adHoc(ruleSet, i++, item));
            }
        }
        boolean passed = errors.isEmpty() && cases.stream().allMatch(TestReport.CaseReport::passed)
                && records.stream().allMatch(r -> r.error() == null);
        return new TestReport(passed, errors, cases, records);
    }

    /** Past the deadline: records the problem once and says so. */
    private boolean overdue(long deadline, List<RuleProblem> errors) {
        if (System.nanoTime() - deadline < 0) {
            return false;
        }
        String message = "测试运行超过时限 " + draftRuns.testTimeLimit().toSeconds() + " 秒，其余用例未运行 / the test run took longer "
                + "than its time limit of " + draftRuns.testTimeLimit().toSeconds() + " s; the remaining cases were not run";
        if (errors.stream().noneMatch(e -> e.message().equals(message))) {
            errors.add(new RuleProblem("", 0, 0, message));
        }
        return true;
    }

    private TestReport.CaseReport run(RuleSet ruleSet, RuleTestCase c) {
        try {
            CaseResult result = runner.run(ruleSet, c);
            return new TestReport.CaseReport(c.file(), c.ruleId(), c.name(), result.passed(), result.failures(),
                    result.hits().stream().map(h -> FiredRule.of(h, ruleSet)).toList());
        } catch (RuntimeException e) {
            return new TestReport.CaseReport(c.file(), c.ruleId(), c.name(), false,
                    List.of("evaluation failed: " + e.getMessage()), List.of());
        }
    }

    /** An item is a record envelope, or {@code {"record": envelope, "context": {...}}}. */
    private TestReport.RecordReport adHoc(RuleSet ruleSet, int index, JsonNode item) {
        JsonNode record = item.has("record") ? item.get("record") : item;
        try {
            return new TestReport.RecordReport(index, null, runner.evaluate(ruleSet, record, item.get("context")).stream()
                    .map(h -> FiredRule.of(h, ruleSet)).toList());
        } catch (RuntimeException e) {
            return new TestReport.RecordReport(index, e.getMessage(), List.of());
        }
    }
}
