package lianshao.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 采购: one purchase (contract section 2, PROCUREMENT). */
public record Procurement(
        String recordId, String externalId, String source, String orgCode,
        OffsetDateTime occurredAt, LocalDate occurredOn, boolean current,
        String purchaseId, int fiscalYear, String budgetProjectCode, String itemCategory,
        String description, String specText, BigDecimal amount, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal referenceUnitPrice, String method,
        String methodChangeApprovalRef, LocalDate methodChangeApprovedOn, String singleSourceReason,
        Integer singleSourcePublicityDays, Integer invitedCount, Integer responsiveCount,
        LocalDate noticeStart, LocalDate responseDeadline, String originalContractRef,
        BigDecimal originalContractAmount, String supplierRef, Integer chosenRank,
        List<String> staffRefs, List<String> panelRefs, List<String> recusedRefs,
        String approverRef, String approverRole, String collectiveDecisionRef,
        LocalDate awardedOn, LocalDate resultAnnouncedOn, LocalDate contractSignedOn,
        LocalDate acceptedOn, List<Payment> payments) implements RecordFact {

    @Override
    public String domain() {
        return "PROCUREMENT";
    }

    /** The day of the award, or the record's own day when no award date is given. */
    public LocalDate awardDate() {
        return awardedOn != null ? awardedOn : occurredOn;
    }

    /** Awarded: an award date or a signed contract is given. */
    public boolean awarded() {
        return awardedOn != null || contractSignedOn != null;
    }

    /**
     * True when this purchase's award date lies on or before the award date of {@code later} and no
     * more than the given number of months before it (12 months: 2025-04-01 counts for 2026-04-01).
     */
    public boolean awardedWithinMonthsBefore(Procurement later, int months) {
        LocalDate day = awardDate();
        LocalDate end = later.awardDate();
        return day != null && end != null && !day.isAfter(end) && !day.isBefore(end.minusMonths(months));
    }

    /** Days from the notice to the response deadline (1 March → 21 March = 20), or null when a date is missing. */
    public Integer responsePeriodDays() {
        return Dates.daysBetween(noticeStart, responseDeadline);
    }

    /** Days from the award to the contract signing, or null when a date is missing. */
    public Integer contractDaysAfterAward() {
        return Dates.daysBetween(awardedOn, contractSignedOn);
    }

    /** The unit price as a multiple of the reference price (1.35 = 135%), 4 decimals, or null when either is missing. */
    public BigDecimal unitPriceRatio() {
        if (unitPrice == null || referenceUnitPrice == null || referenceUnitPrice.signum() <= 0) {
            return null;
        }
        return unitPrice.divide(referenceUnitPrice, 4, RoundingMode.HALF_UP);
    }

    /** The largest amount additions to the original contract may reach: {@code originalContractAmount × ratio}. */
    public BigDecimal additionCap(BigDecimal ratio) {
        return originalContractAmount == null || ratio == null ? null : originalContractAmount.multiply(ratio);
    }

    /** A total as a share of the original contract (0.125 = 12.5%), 4 decimals, or null without an original amount. */
    public BigDecimal shareOfOriginalContract(BigDecimal total) {
        if (total == null || originalContractAmount == null || originalContractAmount.signum() <= 0) {
            return null;
        }
        return total.divide(originalContractAmount, 4, RoundingMode.HALF_UP);
    }

    /**
     * The brand or model tokens that {@code specText} names without an equivalence phrase ("或相当于",
     * "或同等"...) after the mention in the same sentence (a sentence ends at 。；;！？!? or a line break).
     */
    public List<String> brandsNamedWithoutEquivalent(List<String> brands, List<String> equivalents) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        if (specText == null) {
            return List.of();
        }
        for (String sentence : specText.split("[。；;！？!?\\n]")) {
            for (String brand : brands) {
                if (brand == null || brand.isEmpty()) {
                    continue; // an empty token is found everywhere and would never advance
                }
                int at = sentence.indexOf(brand);
                while (at >= 0) {
                    String after = sentence.substring(at + brand.length());
                    if (equivalents.stream().noneMatch(after::contains)) {
                        named.add(brand);
                    }
                    at = sentence.indexOf(brand, at + brand.length());
                }
            }
        }
        return List.copyOf(named);
    }

    /** The approver and the staff who ran the procurement, without repeats. */
    public List<String> officials() {
        java.util.Set<String> refs = new java.util.LinkedHashSet<>();
        if (approverRef != null) {
            refs.add(approverRef);
        }
        if (staffRefs != null) {
            refs.addAll(staffRefs);
        }
        return List.copyOf(refs);
    }

    /** True when the party is the approver or one of the staff who ran the procurement. */
    public boolean isOfficial(String partyRef) {
        return partyRef != null && officials().contains(partyRef);
    }

    /** Staff, panel members and the approver who did not formally recuse themselves, without repeats. */
    public List<String> unrecusedInsiders() {
        java.util.Set<String> refs = new java.util.LinkedHashSet<>();
        if (staffRefs != null) {
            refs.addAll(staffRefs);
        }
        if (panelRefs != null) {
            refs.addAll(panelRefs);
        }
        if (approverRef != null) {
            refs.add(approverRef);
        }
        if (recusedRefs != null) {
            refs.removeAll(recusedRefs);
        }
        return List.copyOf(refs);
    }

    /** The role an insider played: 审批人, 采购经办人 or 评审专家 (the first that applies). */
    public String insiderRole(String partyRef) {
        if (partyRef != null && partyRef.equals(approverRef)) {
            return "审批人";
        }
        if (staffRefs != null && staffRefs.contains(partyRef)) {
            return "采购经办人";
        }
        return panelRefs != null && panelRefs.contains(partyRef) ? "评审专家" : "相关人员";
    }

    /** The sum of all payments (0 without payments). */
    public BigDecimal totalPaid() {
        return payments == null ? BigDecimal.ZERO
                : payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
