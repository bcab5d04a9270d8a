package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 招生: one admitted student (contract section 2, ADMISSION). */
public record Admission(
        String recordId, String externalId, String source, String orgCode,
        OffsetDateTime occurredAt, LocalDate occurredOn, boolean current,
        String studentRef, String identityHash, String stage, String schoolType, int year,
        String admissionType, List<String> criteriaUsed, BigDecimal examScore,
        BigDecimal cutoffScore, List<BonusItem> bonusItems, BigDecimal bonusPointsCounted,
        String policyBasis, String specialApprovalRef, String residenceDistrict,
        String schoolDistrict, List<String> guardianRefs, String approverRef,
        LocalDate admissionWindowStart, LocalDate admissionWindowClose, LocalDate admittedOn,
        LocalDate publicizedOn, List<Fee> fees) implements RecordFact {

    @Override
    public String domain() {
        return "ADMISSION";
    }

    /** Every route but REGULAR and LOTTERY is an exception route. */
    public boolean exceptionRoute() {
        return !"REGULAR".equals(admissionType) && !"LOTTERY".equals(admissionType);
    }
}
