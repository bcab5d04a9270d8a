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
}
