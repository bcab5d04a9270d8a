package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Money paid in connection with an admission. */
public record Fee(String recordId, int index, String type, BigDecimal amount, LocalDate paidOn,
        String payerRef, String payeeRef, Boolean onApprovedSchedule) {

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
