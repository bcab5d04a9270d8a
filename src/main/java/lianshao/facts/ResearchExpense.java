package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 科研经费: one expenditure of a research project (contract section 2, RESEARCH_FUND). */
public record ResearchExpense(
        String recordId, String externalId, String source, String orgCode,
        OffsetDateTime occurredAt, LocalDate occurredOn, boolean current,
        String projectCode, LocalDate projectStart, LocalDate projectEnd, String piRef,
        List<String> memberRefs, List<String> managementStaffRefs, String budgetLine,
        BigDecimal budgetLineAmount, String budgetAdjustmentRef, BigDecimal amount,
        String payeeRef, String payeeAccount, Boolean payeeSalaried, String expertTitleLevel,
        BigDecimal expertDays, String expenseType, LocalDate paidOn, String paymentMethod,
        String invoiceNo, LocalDate invoiceDate, String description) implements RecordFact {

    @Override
    public String domain() {
        return "RESEARCH_FUND";
    }

    /** The PI and the project members: the team whose own companies and relatives matter. */
    public List<String> teamRefs() {
        List<String> team = new java.util.ArrayList<>();
        team.add(piRef);
        memberRefs.stream().filter(ref -> !team.contains(ref)).forEach(team::add);
        return List.copyOf(team);
    }

    /** PI, MEMBER or MANAGEMENT when the payee is the PI, a project member or management staff; otherwise null. */
    public String payeeInsiderRole() {
        if (payeeRef.equals(piRef)) {
            return "PI";
        }
        if (memberRefs.contains(payeeRef)) {
            return "MEMBER";
        }
        return managementStaffRefs.contains(payeeRef) ? "MANAGEMENT" : null;
    }

    /** The payee when it is one of the project's management staff (a subject when paid), otherwise null. */
    public String managementPayee() {
        return managementStaffRefs.contains(payeeRef) ? payeeRef : null;
    }

    /** True when the given day lies within the given number of months before {@code paidOn}, or on it. */
    public boolean withinMonthsBefore(LocalDate day, int months) {
        return day != null && !day.isAfter(paidOn) && !day.isBefore(paidOn.minusMonths(months));
    }

    /** The fee per person-day of an expert consultation, to the cent; null without a positive {@code expertDays}. */
    public BigDecimal feePerDay() {
        if (expertDays == null || expertDays.signum() <= 0) {
            return null;
        }
        return amount.divide(expertDays, 2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * The per person-day ceiling for this expert's title level: {@code senior} for SENIOR, {@code other}
     * for OTHER, {@code senior × academicianFactor} for ACADEMICIAN; null without a title level.
     */
    public BigDecimal expertDayCeiling(BigDecimal senior, BigDecimal other, BigDecimal academicianFactor) {
        if (expertTitleLevel == null) {
            return null;
        }
        return switch (expertTitleLevel) {
            case "SENIOR" -> senior;
            case "ACADEMICIAN" -> senior.multiply(academicianFactor);
            default -> other;
        };
    }

    /** True when the given account is the account paid into (spaces and dashes ignored). */
    public boolean paidInto(String account) {
        return payeeAccount != null && account != null && !payeeAccount.isBlank()
                && normalised(payeeAccount).equals(normalised(account));
    }

    /** The account paid into, masked to its last 4 characters ("****1234"), or null. */
    public String maskedPayeeAccount() {
        return Masks.lastFour(payeeAccount);
    }

    /** Days from the given day (a payee's registration) to {@code paidOn}; null without a day. */
    public Integer daysBeforePayment(LocalDate day) {
        return Dates.daysBetween(day, paidOn);
    }

    /** True when {@code invoiceDate} lies before {@code projectStart} or after {@code projectEnd}. */
    public boolean invoiceOutsideProject() {
        return invoiceDate != null && (invoiceDate.isBefore(projectStart) || invoiceDate.isAfter(projectEnd));
    }

    private static String normalised(String account) {
        return account.replaceAll("[\\s-]", "");
    }
}
