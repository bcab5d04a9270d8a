package lianshao.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;

/** 采购: one purchase (contract section 2, PROCUREMENT). */
@RecordDomain(name = "PROCUREMENT", order = 4, slug = "procurement", zh = "采购", en = "Procurement",
        oneRecord = "一次采购",
        keys = {
                @ContextKey(name = "PRC_LINE", fields = {"fiscalYear", "budgetProjectCode", "itemCategory"}),
                @ContextKey(name = "PRC_CATEGORY", fields = {"fiscalYear", "itemCategory"}),
                @ContextKey(name = "SUPPLIER", fields = {"supplierRef"}),
                @ContextKey(name = "CONTRACT", fields = {"originalContractRef"})})
public record Procurement(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.CODE, required = true, zh = "采购编号。")
        String purchaseId,
        @Field(kind = Kind.YEAR, required = true, zh = "预算年度。")
        int fiscalYear,
        @Field(kind = Kind.CODE, required = true, zh = "资金来源的预算项目编码。")
        String budgetProjectCode,
        @Field(kind = Kind.CODE, required = true, zh = "采购品目（按政府采购品目分类目录）。")
        String itemCategory,
        @Field(kind = Kind.PROSE, required = true, zh = "采购内容。")
        String description,
        @Field(kind = Kind.PROSE, zh = "公开发布的采购需求和技术规格（品牌、型号、资格条件等）。")
        String specText,
        @Field(kind = Kind.MONEY, required = true, zh = "采购总金额。")
        BigDecimal amount,
        @Field(kind = Kind.NUMBER, zh = "采购数量。")
        BigDecimal quantity,
        @Field(kind = Kind.MONEY, zh = "成交单价。")
        BigDecimal unitPrice,
        @Field(kind = Kind.MONEY, zh = "市场参考单价或目录参考单价。")
        BigDecimal referenceUnitPrice,
        @Field(kind = Kind.ENUM, required = true, values = {"OPEN_TENDER", "INVITED_TENDER", "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION", "INQUIRY", "SINGLE_SOURCE", "FRAMEWORK_AGREEMENT", "DIRECT_PURCHASE"}, zh = "采购方式：OPEN_TENDER 公开招标、INVITED_TENDER 邀请招标、COMPETITIVE_NEGOTIATION 竞争性谈判、COMPETITIVE_CONSULTATION 竞争性磋商、INQUIRY 询价、SINGLE_SOURCE 单一来源采购、FRAMEWORK_AGREEMENT 框架协议采购、DIRECT_PURCHASE 直接采购。")
        String method,
        @Field(kind = Kind.CODE, zh = "财政部门批准采用公开招标以外采购方式的文件编号。")
        String methodChangeApprovalRef,
        @Field(kind = Kind.DATE, zh = "采购方式变更的批准日期。")
        LocalDate methodChangeApprovedOn,
        @Field(kind = Kind.ENUM, values = {"ONLY_SUPPLIER", "EMERGENCY", "COMPATIBILITY_ADDITION", "OTHER"}, zh = "采用单一来源的理由：ONLY_SUPPLIER 只能从唯一供应商处采购、EMERGENCY 发生不可预见的紧急情况、COMPATIBILITY_ADDITION 为保证原有项目一致性或配套服务需追加采购、OTHER 其他。")
        String singleSourceReason,
        @Field(kind = Kind.COUNT, zh = "单一来源采购意向公示的工作日数。")
        Integer singleSourcePublicityDays,
        @Field(kind = Kind.COUNT, zh = "受邀参加的供应商数量。")
        Integer invitedCount,
        @Field(kind = Kind.COUNT, zh = "响应有效的供应商数量。")
        Integer responsiveCount,
        @Field(kind = Kind.DATE, zh = "采购公告发布日期。")
        LocalDate noticeStart,
        @Field(kind = Kind.DATE, zh = "响应文件提交截止日期。")
        LocalDate responseDeadline,
        @Field(kind = Kind.CODE, zh = "追加采购所对应的原合同编号。")
        String originalContractRef,
        @Field(kind = Kind.MONEY, zh = "原合同金额。")
        BigDecimal originalContractAmount,
        @Field(kind = Kind.PARTY, required = true, zh = "成交供应商。")
        String supplierRef,
        @Field(kind = Kind.RANK, zh = "成交供应商在评审报告中的排名（1 为推荐的第一名）。")
        Integer chosenRank,
        @Field(kind = Kind.PARTIES, zh = "采购人一方经办本次采购的工作人员。")
        List<String> staffRefs,
        @Field(kind = Kind.PARTIES, zh = "评审专家。")
        List<String> panelRefs,
        @Field(kind = Kind.PARTIES, zh = "已正式申请回避的工作人员或专家。")
        List<String> recusedRefs,
        @Field(kind = Kind.PARTY, required = true, zh = "批准本次采购的人员。")
        String approverRef,
        @Field(kind = Kind.ENUM, values = {"PRINCIPAL", "DEPUTY", "DEPARTMENT_HEAD", "OTHER"}, zh = "批准人职务：PRINCIPAL 单位主要负责人、DEPUTY 分管副职、DEPARTMENT_HEAD 部门负责人、OTHER 其他。")
        String approverRole,
        @Field(kind = Kind.CODE, zh = "集体决策（“三重一大”）会议纪要编号；未经集体决策则不填。")
        String collectiveDecisionRef,
        @Field(kind = Kind.DATE, zh = "确定成交的日期。")
        LocalDate awardedOn,
        @Field(kind = Kind.DATE, zh = "成交结果公告日期。")
        LocalDate resultAnnouncedOn,
        @Field(kind = Kind.DATE, zh = "合同签订日期。")
        LocalDate contractSignedOn,
        @Field(kind = Kind.DATE, zh = "货物或服务的验收日期。")
        LocalDate acceptedOn,
        @Field(kind = Kind.ITEMS, zh = "付款记录。")
        List<Payment> payments) implements RecordFact  {

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
