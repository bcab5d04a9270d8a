package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;

/** 科研经费: one expenditure of a research project (contract section 2, RESEARCH_FUND). */
@RecordDomain(name = "RESEARCH_FUND", order = 5, slug = "research-fund", zh = "科研经费", en = "Research funds",
        oneRecord = "一笔支出",
        keys = {
                @ContextKey(name = "RSF_PROJECT", fields = {"projectCode"}, withinOrg = false),
                @ContextKey(name = "INVOICE", fields = {"invoiceNo"}, withinOrg = false),
                @ContextKey(name = "ACCOUNT", fields = {"payeeAccount"}, withinOrg = false)},
        datesInOrder = {
                @DatePair(first = "projectStart", second = "projectEnd")})
public record ResearchExpense(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.CODE, required = true, zh = "科研项目编号。")
        String projectCode,
        @Field(kind = Kind.DATE, required = true, zh = "项目执行期开始日期。")
        LocalDate projectStart,
        @Field(kind = Kind.DATE, required = true, zh = "项目执行期结束日期，不得早于开始日期。")
        LocalDate projectEnd,
        @Field(kind = Kind.PARTY, required = true, zh = "项目负责人。")
        String piRef,
        @Field(kind = Kind.PARTIES, max = Field.MEMBERS, zh = "项目组成员。")
        List<String> memberRefs,
        @Field(kind = Kind.PARTIES, zh = "管理该项目的科研管理部门和财务部门工作人员。")
        List<String> managementStaffRefs,
        @Field(kind = Kind.ENUM, required = true, values = {"LABOR", "EXPERT_CONSULTATION", "MATERIALS", "EQUIPMENT", "TESTING", "TRAVEL", "CONFERENCE", "PUBLICATION", "OUTSOURCING", "INDIRECT", "OTHER"}, zh = "预算科目：LABOR 劳务费、EXPERT_CONSULTATION 专家咨询费、MATERIALS 材料费、EQUIPMENT 设备费、TESTING 测试化验加工费、TRAVEL 差旅费、CONFERENCE 会议费、PUBLICATION 出版/文献/信息传播费、OUTSOURCING 外协（委托业务）费、INDIRECT 间接费用、OTHER 其他。")
        String budgetLine,
        @Field(kind = Kind.MONEY, required = true, zh = "该预算科目的批准预算额。")
        BigDecimal budgetLineAmount,
        @Field(kind = Kind.CODE, zh = "该科目预算调整的批准文件编号。")
        String budgetAdjustmentRef,
        @Field(kind = Kind.MONEY, required = true, zh = "本笔支出金额。")
        BigDecimal amount,
        @Field(kind = Kind.PARTY, required = true, zh = "收款的个人或单位。")
        String payeeRef,
        @Field(kind = Kind.CODE, personal = "ResearchExpense.maskedPayeeAccount()", zh = "收款银行账户。")
        String payeeAccount,
        @Field(kind = Kind.BOOLEAN, zh = "收款人是否在本单位领取工资。")
        Boolean payeeSalaried,
        @Field(kind = Kind.ENUM, values = {"ACADEMICIAN", "SENIOR", "OTHER"}, zh = "专家职称级别（用于专家咨询费）：ACADEMICIAN 院士、SENIOR 高级职称、OTHER 其他。")
        String expertTitleLevel,
        @Field(kind = Kind.NUMBER, zh = "咨询费对应的人天数。")
        BigDecimal expertDays,
        @Field(kind = Kind.ENUM, values = {"NORMAL", "SHOPPING_CARD", "FUEL_CARD", "VOUCHER", "FINE", "DONATION", "SPONSORSHIP", "PERSONAL"}, zh = "实际购买的内容：NORMAL 正常支出、SHOPPING_CARD 购物卡、FUEL_CARD 加油卡、VOUCHER 代金券或消费券、FINE 罚款、DONATION 捐赠、SPONSORSHIP 赞助、PERSONAL 个人消费。")
        String expenseType,
        @Field(kind = Kind.DATE, required = true, zh = "支付日期。")
        LocalDate paidOn,
        @Field(kind = Kind.ENUM, required = true, values = {"OFFICIAL_CARD", "BANK_TRANSFER", "CASH", "OTHER"}, zh = "支付方式：OFFICIAL_CARD 公务卡、BANK_TRANSFER 银行转账、CASH 现金、OTHER 其他。")
        String paymentMethod,
        @Field(kind = Kind.CODE, zh = "发票号码。")
        String invoiceNo,
        @Field(kind = Kind.DATE, zh = "开票日期。")
        LocalDate invoiceDate,
        @Field(kind = Kind.PROSE, zh = "支出说明。")
        String description) implements RecordFact  {

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
