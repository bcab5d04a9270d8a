package lianshao.evaluation;

import java.util.List;

/** The hits of one evaluation, with the rule-set version it ran on and what it cost. */
public record EvaluationOutcome(String ruleSetVersion, List<Hit> hits, int firings, long durationMicros) {
}
