package lianshao.facts;

import java.time.LocalDate;

/**
 * An earlier warning that named a party of the current record as a subject (on another record), for
 * rules that look at a subject's history ("2 if ≥ 2 in 12 months").
 */
public record PriorHit(String subjectRef, String ruleId, String recordId, LocalDate occurredOn, int form) {
}
