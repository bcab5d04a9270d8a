package lianshao.facts;

import java.math.BigDecimal;
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
}
