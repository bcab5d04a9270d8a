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

import lianshao.facts.Sanction;
import lianshao.grading.SubjectHistory;
import lianshao.warnings.Warnings;

/**
 * The grading history of one evaluation batch. Earlier warnings are asked of the database each time, since the
 * batch's own warnings count for the records after them; what the batch cannot change is read once: a subject's
 * sanctions (most already loaded for the rules), and which rules have a warning rectified in the re-check window (R1 asks about the others no further).
 */
final class BatchHistory implements SubjectHistory {

    private final Warnings warnings;
    private final Function<String, Optional<List<Sanction>>> loadedSanctions;
    private final Map<String, List<SanctionPeriod>> sanctions = new HashMap<>();
    private final Map<List<LocalDate>, Set<String>> rectifiedRules = new HashMap<>();

    /** {@code loadedSanctions}: the sanctions the batch's context already holds for a party, if it does. */
    BatchHistory(Warnings warnings, Function<String, Optional<List<Sanction>>> loadedSanctions) {
        this.warnings = warnings;
        this.loadedSanctions = loadedSanctions;
    }

    @Override
    public int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        return warnings.priorHits(ruleId, subjectRef, from, to, excludingRecordId);
    }

    @Override
    public BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        return warnings.priorBenefit(subjectRef, from, to, excludingRecordId);
    }

    @Override
    public Optional<Rectified> rectified(String ruleId, Collection<String> subjectRefs, String orgCode, LocalDate from,
            LocalDate to, String excludingRecordId) {
        Set<String> rules = rectifiedRules.computeIfAbsent(List.of(from, to), w -> warnings.rulesRectifiedWithin(from, to));
        return rules.contains(ruleId) ? warnings.rectified(ruleId, subjectRefs, orgCode, from, to, excludingRecordId)
                : Optional.empty();
    }

    @Override
    public List<SanctionPeriod> sanctions(String subjectRef) {
        return sanctions.computeIfAbsent(subjectRef, ref -> loadedSanctions.apply(ref)
                .map(loaded -> loaded.stream().map(s -> new SanctionPeriod(s.kind(), s.form(), s.start(), s.end())).toList())
                .orElseGet(() -> warnings.sanctions(ref)));
    }
}
