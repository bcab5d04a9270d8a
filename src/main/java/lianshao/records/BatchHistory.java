package lianshao.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import lianshao.facts.Sanction;
import lianshao.grading.SubjectHistory;
import lianshao.warnings.Warnings;

/**
 * The grading history of one evaluation batch. The batch's own warnings count for the records after them: earlier hits
 * (G2) are counted by the batch being applied, which reads those of the other records per subject, rule and window
 * (newest first, up to G2's cap; the windows of many records in one statement) and counts its own hits in memory; earlier benefits (G5) and
 * rectified warnings (R1) are asked of the database, after the batch's writes so far are flushed when they concern the
 * subject or a rectified warning. What the batch cannot change is read once: a subject's sanctions (most already loaded
 * for the rules), and which rules have a warning rectified in the re-check window (R1 asks about the others no further).
 */
final class BatchHistory implements SubjectHistory {

    private final Warnings warnings;
    private final Warnings.Batch applying;
    private final UnaryOperator<LocalDate> repetitionFrom;
    private final Function<String, Optional<List<Sanction>>> loadedSanctions;
    private final Map<String, List<SanctionPeriod>> sanctions = new HashMap<>();
    private final Map<List<LocalDate>, Set<String>> rectifiedRules = new HashMap<>();

    /**
     * {@code applying}: the batch the graded hits are applied to, in the order they are graded; {@code loadedSanctions}:
     * the sanctions the batch's context already holds for a party, if it does; {@code repetitionFrom}: the first day of
     * G2's window for a record of a given day.
     */
    BatchHistory(Warnings warnings, Warnings.Batch applying, Function<String, Optional<List<Sanction>>> loadedSanctions,
            UnaryOperator<LocalDate> repetitionFrom) {
        this.warnings = warnings;
        this.applying = applying;
        this.loadedSanctions = loadedSanctions;
        this.repetitionFrom = repetitionFrom;
    }

    /** Reads, in one statement per 50, the earlier hits G2 counts for these hits of records of these days. */
    void expect(Collection<Expected> hits) {
        if (!hits.isEmpty()) {
            applying.loadPriorHits(hits.stream().map(h -> new Warnings.HitWindow(h.pair(), repetitionFrom.apply(h.day()), h.day()))
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
        }
    }

    /** A subject and rule of a hit on a record of a day. */
    record Expected(Warnings.SubjectRule pair, LocalDate day) {
    }

    @Override
    public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        return applying.priorHits(ruleId, subjectRef, from, to, excludingRecordId);
    }

    @Override
    public BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        applying.flushBeforeReading(subjectRef);
        return warnings.priorBenefit(subjectRef, from, to, excludingRecordId);
    }

    @Override
    public Optional<Rectified> rectified(String ruleId, Collection<String> subjectRefs, String orgCode, LocalDate from,
            LocalDate to, String excludingRecordId) {
        Set<String> rules = rectifiedRules.computeIfAbsent(List.of(from, to), w -> warnings.rulesRectifiedWithin(from, to));
        if (!rules.contains(ruleId)) {
            return Optional.empty();
        }
        applying.flushBeforeReadingRectified();
        return warnings.rectified(ruleId, subjectRefs, orgCode, from, to, excludingRecordId);
    }

    @Override
    public List<SanctionPeriod> sanctions(String subjectRef) {
        return sanctions.computeIfAbsent(subjectRef, ref -> loadedSanctions.apply(ref)
                .map(loaded -> loaded.stream().map(s -> new SanctionPeriod(s.kind(), s.form(), s.start(), s.end())).toList())
                .orElseGet(() -> warnings.sanctions(ref)));
    }
}
