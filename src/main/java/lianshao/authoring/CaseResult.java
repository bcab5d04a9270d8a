package lianshao.authoring;

import java.util.List;

import lianshao.evaluation.Hit;

/** The outcome of one rule test case: passed, or why not, with every hit the record raised. */
public record CaseResult(RuleTestCase testCase, boolean passed, List<String> failures, List<Hit> hits) {
}
