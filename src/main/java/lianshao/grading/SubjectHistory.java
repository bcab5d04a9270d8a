package lianshao.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What grading needs to know about a subject's past. */
public interface SubjectHistory {

    /** Warnings of this rule naming the subject on other records that occurred within [from, to]. */
    int priorHits(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId);

    /** Personal benefit attributed to the subject on other records that occurred within [from, to]. */
    BigDecimal priorBenefit(String subjectRef, LocalDate from, LocalDate to, String excludingRecordId);

    /** Sanctions imposed on the subject. */
    List<SanctionPeriod> sanctions(String subjectRef);

    record SanctionPeriod(String kind, int form, LocalDate start, LocalDate end) {
        public boolean activeOn(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }
}
