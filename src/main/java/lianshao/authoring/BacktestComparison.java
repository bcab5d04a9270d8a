package lianshao.authoring;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lianshao.evaluation.Evaluator;
import lianshao.evaluation.Hit;
import lianshao.grading.GradedHit;
import lianshao.grading.Grader;
import lianshao.records.RecordReplay;
import lianshao.rules.RuleChanges;
import lianshao.rules.RuleSet;
import lianshao.warnings.Warnings;

/**
 * Compares one stored record's graded warnings under the baseline and under the candidate.
 *
 * <p>When {@link RuleChanges} narrows what can differ, a record is first judged by both versions restricted to the
 * rules that can differ ({@code narrowBaseline}, {@code narrowCandidate}). Rules outside them raise the same hits
 * under both versions, so when neither restricted version raises a hit of the changed ids the record has no
 * difference. Otherwise grading needs all of the record's hits (a hit's form depends on the others: combinations,
 * several rules on one record): the baseline judges the record whole, and the candidate's hits are the baseline's
 * of the unchanged ids with the restricted candidate's of the changed ones.
 */
final class BacktestComparison {

    private final RuleSet baseline;
    private final RuleSet candidate;
    private final RuleChanges changes;
    private final RuleSet narrowBaseline;
    private final RuleSet narrowCandidate;
    private final Evaluator evaluator;
    private final Grader grader;
    private final Warnings warnings;

    /** {@code narrowBaseline} and {@code narrowCandidate}: null when {@code changes} judges everything. */
    BacktestComparison(RuleSet baseline, RuleSet candidate, RuleChanges changes, RuleSet narrowBaseline, RuleSet narrowCandidate,
            Evaluator evaluator, Grader grader, Warnings warnings) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.changes = changes;
        this.narrowBaseline = narrowBaseline;
        this.narrowCandidate = narrowCandidate;
        this.evaluator = evaluator;
        this.grader = grader;
        this.warnings = warnings;
    }

    RuleChanges changes() {
        return changes;
    }

    /** True when records of the domain need judging at all. */
    boolean affects(String domain) {
        return changes.affects(domain);
    }

    /** The differences on one record, judging no more than what the candidate changes. */
    List<BacktestItem> differences(RecordReplay.Replayed r) {
        if (changes.everything()) {
            return whole(r);
        }
        if (!changes.affects(r.domain())) {
            return List.of();
        }
        Set<String> changed = changes.ruleIds();
        List<Hit> after = hits(narrowCandidate, r).stream().filter(h -> changed.contains(h.ruleId())).toList();
        boolean beforeHits = hits(narrowBaseline, r).stream().anyMatch(h -> changed.contains(h.ruleId()));
        if (after.isEmpty() && !beforeHits) {
            return List.of();
        }
        List<Hit> before = hits(baseline, r);
        List<Hit> composed = new ArrayList<>();
        before.stream().filter(h -> !changed.contains(h.ruleId())).forEach(composed::add);
        composed.addAll(after);
        return differences(r, graded(r, baseline, before), graded(r, candidate, composed));
    }

    /** The differences on one record with both versions judging it whole. */
    List<BacktestItem> whole(RecordReplay.Replayed r) {
        return differences(r, graded(r, baseline, hits(baseline, r)), graded(r, candidate, hits(candidate, r)));
    }

    private List<Hit> hits(RuleSet ruleSet, RecordReplay.Replayed r) {
        return evaluator.evaluate(ruleSet, r.fact(), r.context()).hits();
    }

    private Map<String, GradedHit> graded(RecordReplay.Replayed r, RuleSet ruleSet, List<Hit> hits) {
        Map<String, GradedHit> byRule = new LinkedHashMap<>();
        for (GradedHit g : grader.grade(ruleSet, r.recordId(), r.orgCode(), r.fact().occurredOn(), hits, warnings)) {
            byRule.put(g.hit().ruleId(), g);
        }
        return byRule;
    }

    /** The differences between the graded warnings of the baseline and of the candidate on one record. */
    private static List<BacktestItem> differences(RecordReplay.Replayed r, Map<String, GradedHit> before, Map<String, GradedHit> after) {
        List<BacktestItem> items = new ArrayList<>();
        for (Map.Entry<String, GradedHit> e : after.entrySet()) {
            GradedHit old = before.get(e.getKey());
            if (old == null) {
                items.add(item(r, e.getKey(), "APPEAR", null, e.getValue().form(), e.getValue().hit()));
            } else if (old.form() != e.getValue().form()) {
                items.add(item(r, e.getKey(), "CHANGE", old.form(), e.getValue().form(), e.getValue().hit()));
            }
        }
        for (Map.Entry<String, GradedHit> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                items.add(item(r, e.getKey(), "DISAPPEAR", e.getValue().form(), null, e.getValue().hit()));
            }
        }
        return items;
    }

    private static BacktestItem item(RecordReplay.Replayed r, String ruleId, String change, Integer before, Integer after, Hit hit) {
        return new BacktestItem(r.recordId(), r.externalId(), ruleId, change, r.domain(), r.orgCode(),
                r.occurredAt().withOffsetSameInstant(ZoneOffset.UTC), before, after, hit.message());
    }
}
