package lianshao.authoring;

import java.util.List;

import lianshao.rules.RuleProblem;

/** A version that may not move on (submit): it does not validate or its tests fail. Answered 409. */
public class RuleSetRefused extends RuntimeException {

    private final List<RuleProblem> errors;
    private final List<TestReport.CaseReport> failedCases;

    public RuleSetRefused(String message, List<RuleProblem> errors, List<TestReport.CaseReport> failedCases) {
        super(message);
        this.errors = List.copyOf(errors);
        this.failedCases = List.copyOf(failedCases);
    }

    public List<RuleProblem> errors() {
        return errors;
    }

    public List<TestReport.CaseReport> failedCases() {
        return failedCases;
    }
}
