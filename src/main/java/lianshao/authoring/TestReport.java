package lianshao.authoring;

import java.util.List;

import lianshao.rules.RuleProblem;

/**
 * The outcome of testing a rule-set version: its compile problems (then nothing ran), each case of its
 * test files, and each ad-hoc record of the request with the rules it fired.
 */
public record TestReport(boolean passed, List<RuleProblem> errors, List<CaseReport> cases, List<RecordReport> records) {

    public record CaseReport(String file, String rule, String name, boolean passed, List<String> failures,
            List<FiredRule> fired) {
    }

    public record RecordReport(int index, String error, List<FiredRule> fired) {
    }

    public long failedCases() {
        return cases.stream().filter(c -> !c.passed()).count();
    }
}
