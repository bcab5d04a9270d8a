package lianshao.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What grading needs to know about a subject's past. */
public interface SubjectHistory {

    /**
     * G2 counts earlier hits up to this many: what it decides needs far fewer, and a subject hit thousands of times must
     * not cost thousands of rows read for every new hit (the count grows with the store, the answer does not).
     */
    int PRIOR_HITS_COUNTED = 20;

    /**
     * Warnings of this rule naming the subject on other records that occurred within [from, to], counted up to
     * {@link #PRIOR_HITS_COUNTED}: a larger count is answered as that many.
     */
    int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId);

    /** Personal benefit attributed to the subject on other records that occurred within [from, to]. */
    BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId);

    /**
     * R1: the latest warning of this rule on another record that was rectified (accepted, 销号) within [from, to]
     * and named one of the subjects or concerned the organisation; empty when there is none.
     */
    Optional<Rectified> rectified(String ruleId, Collection<String> subjectRefs, String orgCode, LocalDate from, LocalDate to,
            String excludingRecordId);

    /** A rectified warning and the day it was rectified. */
    record Rectified(String warningId, LocalDate on) {
    }

    /** Sanctions imposed on the subject. */
    List<SanctionPeriod> sanctions(String subjectRef);

    record SanctionPeriod(String kind, int form, LocalDate start, LocalDate end) {
        public boolean activeOn(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }
}
