package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
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

    /** PRIMARY and JUNIOR are compulsory education. */
    public boolean compulsory() {
        return "PRIMARY".equals(stage) || "JUNIOR".equals(stage);
    }

    /** The selection criteria used that appear in the given list (e.g. the criteria prohibited in compulsory education). */
    public List<String> criteriaAmong(Collection<String> listed) {
        return criteriaUsed.stream().filter(listed::contains).distinct().toList();
    }

    /** No written policy allowing an exception is given. */
    public boolean withoutPolicyBasis() {
        return policyBasis == null || policyBasis.isBlank();
    }

    /** The bonus points added: {@code bonusPointsCounted}, or, absent, the sum of all claimed items (ADM-05). */
    public BigDecimal bonusPointsTotal() {
        return bonusPointsCounted != null ? bonusPointsCounted
                : bonusItems.stream().map(BonusItem::pointsOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The points of the largest single bonus item, 0 without items. */
    public BigDecimal largestBonusItem() {
        return bonusItems.stream().map(BonusItem::pointsOrZero).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /**
     * The bonus counted towards the admission line (ADM-09): {@code bonusPointsCounted}, or, absent,
     * the sum of the items that have a certificate and were publicized.
     */
    public BigDecimal countedBonus() {
        return bonusPointsCounted != null ? bonusPointsCounted
                : bonusItems.stream().filter(BonusItem::supported).map(BonusItem::pointsOrZero)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Exam score plus the counted bonus; null without an exam score. */
    public BigDecimal scoreWithBonus() {
        return examScore == null ? null : examScore.add(countedBonus());
    }

    /** Admitted before the official admission window opened. */
    public boolean admittedBeforeWindow() {
        return admissionWindowStart != null && admittedOn != null && admittedOn.isBefore(admissionWindowStart);
    }

    /** Admitted after the official admission window closed, without a special approval. */
    public boolean admittedAfterWindowWithoutApproval() {
        return admissionWindowClose != null && admittedOn != null && admittedOn.isAfter(admissionWindowClose)
                && (specialApprovalRef == null || specialApprovalRef.isBlank());
    }

    /** Days between the admission and the nearest end of the window it missed (0 inside the window). */
    public int daysOutsideWindow() {
        if (admittedBeforeWindow()) {
            return Dates.daysBetween(admittedOn, admissionWindowStart);
        }
        if (admissionWindowClose != null && admittedOn != null && admittedOn.isAfter(admissionWindowClose)) {
            return Dates.daysBetween(admissionWindowClose, admittedOn);
        }
        return 0;
    }

    /** Both districts are known and differ. */
    public boolean outOfCatchment() {
        return residenceDistrict != null && schoolDistrict != null && !residenceDistrict.isBlank()
                && !residenceDistrict.equals(schoolDistrict);
    }

    /** Not announced, or announced only after the admission. */
    public boolean notPublicizedBeforeAdmission() {
        return publicizedOn == null || (admittedOn != null && publicizedOn.isAfter(admittedOn));
    }

    /** The identity hash masked to its last 4 characters, for messages and evidence. */
    public String maskedIdentityHash() {
        return Masks.lastFour(identityHash);
    }

    /** More admitted than the quota by more than the given share of it (0.05 = 5%); any overage of a zero quota. */
    public boolean overageAbove(int admitted, int quota, BigDecimal share) {
        int over = admitted - quota;
        return over > 0 && BigDecimal.valueOf(over).compareTo(share.multiply(BigDecimal.valueOf(quota))) > 0;
    }

    /** The overage as a percentage of the quota, two decimals; null for a zero quota. */
    public BigDecimal overagePercent(int admitted, int quota) {
        return quota <= 0 ? null
                : BigDecimal.valueOf(admitted - quota).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(quota), 2, java.math.RoundingMode.HALF_UP);
    }
}
