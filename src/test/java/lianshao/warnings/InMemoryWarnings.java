package lianshao.warnings;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Earlier warnings held in a list and answered as {@link Warnings#subjectHits} answers from the database, so
 * that production context loading can run without one (the golden test measures what it would load).
 */
public class InMemoryWarnings extends Warnings {

    private final List<SubjectHit> hits;

    public InMemoryWarnings(List<SubjectHit> hits) {
        super(null, null, null, null, new WarningSettings(Map.of(), 3), null, null);
        this.hits = List.copyOf(hits);
    }

    @Override
    public List<SubjectHit> subjectHits(Collection<String> subjectRefs, java.util.Set<String> ruleIds, LocalDateTime since, int limit) {
        return hits.stream().filter(h -> subjectRefs.contains(h.hit().subjectRef()) && !h.occurredAt().isBefore(since))
                .filter(h -> ruleIds == null || ruleIds.contains(h.hit().ruleId()))
                .sorted(Comparator.comparing(SubjectHit::occurredAt).reversed()).limit(limit).toList();
    }
}
