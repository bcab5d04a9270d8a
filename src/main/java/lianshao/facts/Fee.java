package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import lianshao.facts.Field.Kind;

/** Money paid in connection with an admission. */
public record Fee(
        String recordId,
        int index,
        @Field(kind = Kind.ENUM, required = true, values = {"TUITION", "BOARDING", "DONATION", "SELECTION_FEE", "CO_BUILDING_FEE", "OTHER"}, zh = "费用类别：TUITION 学费、BOARDING 住宿费、DONATION 捐资助学款、SELECTION_FEE 择校费、CO_BUILDING_FEE 共建费、OTHER 其他。")
        String type,
        @Field(kind = Kind.MONEY, required = true, zh = "缴费金额。")
        BigDecimal amount,
        @Field(kind = Kind.DATE, zh = "缴费日期。")
        LocalDate paidOn,
        @Field(kind = Kind.PARTY, zh = "付款人。")
        String payerRef,
        @Field(kind = Kind.PARTY, zh = "收款的单位或个人。")
        String payeeRef,
        @Field(kind = Kind.BOOLEAN, zh = "是否属于经批准的收费项目和标准。")
        Boolean onApprovedSchedule) {

    /** SELECTION_FEE or CO_BUILDING_FEE: linked to the admission by its very nature, whoever pays. */
    public boolean selectionOrCoBuildingFee() {
        return "SELECTION_FEE".equals(type) || "CO_BUILDING_FEE".equals(type);
    }

    /** A DONATION or OTHER payment that is not on the approved fee schedule. */
    public boolean unscheduledDonationOrOther() {
        return ("DONATION".equals(type) || "OTHER".equals(type)) && !Boolean.TRUE.equals(onApprovedSchedule);
    }

    /**
     * Paid from {@code daysBefore} days before to {@code daysAfter} days after the admission, both ends
     * included; a payment without a date counts (the feed lists it with the admission).
     */
    public boolean paidAround(LocalDate admittedOn, int daysBefore, int daysAfter) {
        if (paidOn == null || admittedOn == null) {
            return true;
        }
        return !paidOn.isBefore(admittedOn.minusDays(daysBefore)) && !paidOn.isAfter(admittedOn.plusDays(daysAfter));
    }

    /**
     * Paid by one of the guardians, or by an organisation that employs one of them (an EMPLOYEE
     * relation holding on the payment day, or on the admission day for an undated payment).
     */
    public boolean paidByGuardianOrEmployer(List<String> guardians, Collection<CompanyRole> roles, LocalDate admittedOn) {
        if (payerRef == null) {
            return false;
        }
        if (guardians.contains(payerRef)) {
            return true;
        }
        LocalDate day = paidOn != null ? paidOn : admittedOn;
        return roles.stream().anyMatch(r -> "EMPLOYEE".equals(r.kind()) && payerRef.equals(r.orgRef())
                && guardians.contains(r.personRef()) && (day == null || r.activeOn(day)));
    }

    /**
     * ADM-03: a selection or co-building fee; or an unscheduled donation or other payment by a guardian
     * or a guardian's employer within the window around the admission.
     */
    public boolean admissionLinked(Admission admission, Collection<CompanyRole> roles, int daysBefore, int daysAfter) {
        return selectionOrCoBuildingFee()
                || (unscheduledDonationOrOther() && paidAround(admission.admittedOn(), daysBefore, daysAfter)
                        && paidByGuardianOrEmployer(admission.guardianRefs(), roles, admission.admittedOn()));
    }

    /** The amount, 0 when absent. */
    public BigDecimal amountOrZero() {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
