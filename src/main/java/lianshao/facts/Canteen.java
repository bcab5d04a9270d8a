package lianshao.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.DatePair;

/**
 * 阳光食堂: one record of a school canteen, of one of four kinds ({@code recordType}): a term's account of meal
 * fees and spending, one purchase of ingredients, a period's record of the leaders' accompanying meals (陪餐),
 * or a contract that puts the canteen's operation out. Each kind fills its own optional fields.
 */
@RecordDomain(name = "CANTEEN", order = 6, slug = "canteen", zh = "阳光食堂", en = "Canteen",
        oneRecord = "一份学期账目、一笔食材采购、一期陪餐记录或一份承包合同",
        datesInOrder = {
                @DatePair(first = "periodStart", second = "periodEnd")})
public record Canteen(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.ENUM, required = true, values = {"TERM_ACCOUNT", "INGREDIENT_PURCHASE", "ACCOMPANYING_MEALS", "OUTSOURCING"}, zh = "记录类型：TERM_ACCOUNT 学期伙食收支账目、INGREDIENT_PURCHASE 食材采购、ACCOMPANYING_MEALS 学校负责人陪餐记录、OUTSOURCING 食堂承包或委托经营合同。")
        String recordType,
        @Field(kind = Kind.CODE, required = true, zh = "食堂编号：一所学校可有多个食堂。")
        String canteenCode,
        @Field(kind = Kind.NAME, zh = "食堂名称：食堂的名称。")
        String canteenName,
        @Field(kind = Kind.PARTY, required = true, zh = "责任人：收支账目和陪餐记录为分管后勤的校领导或食堂负责人，食材采购和承包合同为审批人。")
        String responsibleRef,
        @Field(kind = Kind.PARTIES, zh = "食堂经办人员：食堂管理人员及食材采购、验收经办人员。")
        List<String> canteenStaffRefs,
        @Field(kind = Kind.DATE, zh = "期间开始日期：学期、陪餐统计期或合同期的第一天。")
        LocalDate periodStart,
        @Field(kind = Kind.DATE, zh = "期间结束日期：学期、陪餐统计期或合同期的最后一天，不得早于开始日期。")
        LocalDate periodEnd,
        @Field(kind = Kind.MONEY, zh = "伙食费收入：本期收取的学生伙食费（学期收支账目）。")
        BigDecimal feesCollected,
        @Field(kind = Kind.MONEY, zh = "其他收入：本期财政补助及其他收入（学期收支账目）。")
        BigDecimal otherIncome,
        @Field(kind = Kind.MONEY, zh = "支出合计：本期食堂的全部支出（学期收支账目）。")
        BigDecimal spent,
        @Field(kind = Kind.MONEY, zh = "非学生伙食支出：支出合计中列支的教职工伙食、奖金福利、招待费等（学期收支账目）。")
        BigDecimal nonMealSpending,
        @Field(kind = Kind.DATE, zh = "采购日期：食材采购的日期。")
        LocalDate purchasedOn,
        @Field(kind = Kind.NAME, zh = "食材名称：所采购的食材（食材采购）。")
        String ingredient,
        @Field(kind = Kind.NUMBER, zh = "采购数量：按计价单位计的数量（食材采购）。")
        BigDecimal quantity,
        @Field(kind = Kind.MONEY, zh = "成交单价：食材的成交单价（食材采购）。")
        BigDecimal unitPrice,
        @Field(kind = Kind.MONEY, zh = "参考单价：同期市场参考单价或价格主管部门发布的价格（食材采购）。")
        BigDecimal referenceUnitPrice,
        @Field(kind = Kind.MONEY, zh = "金额：食材采购的本笔金额，或承包合同的合同金额。")
        BigDecimal amount,
        @Field(kind = Kind.PARTY, zh = "供应商：食材供应商，或承包、受托经营方。")
        String supplierRef,
        @Field(kind = Kind.COUNT, zh = "供餐天数：统计期内食堂供应学生餐的天数（陪餐记录）。")
        Integer mealDays,
        @Field(kind = Kind.COUNT, zh = "陪餐天数：统计期内每餐均有学校负责人陪餐的天数（陪餐记录）。")
        Integer accompaniedDays,
        @Field(kind = Kind.PARTIES, zh = "陪餐负责人：统计期内参加陪餐的学校负责人（陪餐记录）。")
        List<String> accompanyingRefs,
        @Field(kind = Kind.ENUM, values = {"CONTRACTED", "ENTRUSTED", "LABOUR_SERVICE"}, zh = "经营方式：CONTRACTED 对外承包经营、ENTRUSTED 委托经营、LABOUR_SERVICE 劳务外包。劳务外包指学校自主经营，只购买加工和服务劳务（承包合同）。")
        String operationMode,
        @Field(kind = Kind.ENUM, values = {"OPEN_TENDER", "COMPETITIVE_CONSULTATION", "COMPETITIVE_NEGOTIATION", "INVITED_TENDER", "INQUIRY", "SINGLE_SOURCE", "DIRECT_AWARD"}, zh = "选定方式：OPEN_TENDER 公开招标、COMPETITIVE_CONSULTATION 竞争性磋商、COMPETITIVE_NEGOTIATION 竞争性谈判、INVITED_TENDER 邀请招标、INQUIRY 询价、SINGLE_SOURCE 单一来源、DIRECT_AWARD 直接指定。指选定承包方的方式（承包合同）。")
        String selectionMethod,
        @Field(kind = Kind.CODE, zh = "合同编号：承包或委托经营合同的编号（承包合同）。")
        String contractRef,
        @Field(kind = Kind.DATE, zh = "签订日期：合同签订日期（承包合同）。")
        LocalDate signedOn,
        @Field(kind = Kind.BOOLEAN, zh = "实施营养改善计划：学校是否实施农村义务教育学生营养改善计划。")
        Boolean nutritionProgramme,
        @Field(kind = Kind.PROSE, zh = "说明：记录的补充说明。")
        String description) implements RecordFact {

    @Override
    public String domain() {
        return "CANTEEN";
    }

    /** The day the record's act took place: the purchase, the contract's signing, else the record's own day. */
    public LocalDate actDay() {
        if (purchasedOn != null) {
            return purchasedOn;
        }
        return signedOn != null ? signedOn : occurredOn;
    }

    /** Whether this record names a supplier or contractor (a purchase or an outsourcing contract). */
    public boolean withSupplier() {
        return supplierRef != null && ("INGREDIENT_PURCHASE".equals(recordType) || "OUTSOURCING".equals(recordType));
    }

    /** How messages name the supplier: 食材供应商 for a purchase, 承包方 for an outsourcing contract. */
    public String supplierKind() {
        return "OUTSOURCING".equals(recordType) ? "承包方" : "食材供应商";
    }

    /** The same in English. */
    public String supplierKindEn() {
        return "OUTSOURCING".equals(recordType) ? "contractor" : "ingredient supplier";
    }

    /** The responsible person and the canteen staff, without repeats. */
    public List<String> insiders() {
        Set<String> refs = new LinkedHashSet<>();
        refs.add(responsibleRef);
        refs.addAll(canteenStaffRefs);
        return List.copyOf(refs);
    }

    /** True when the party is the responsible person or one of the canteen staff. */
    public boolean isInsider(String partyRef) {
        return partyRef != null && insiders().contains(partyRef);
    }

    /** The part an insider plays: 审批人 or 责任人 (by the record's kind), else 食堂经办人员. */
    public String insiderRole(String partyRef) {
        if (partyRef != null && partyRef.equals(responsibleRef)) {
            return withSupplier() ? "审批人" : "责任人";
        }
        return "食堂经办人员";
    }

    /** The same in English. */
    public String insiderRoleEn(String partyRef) {
        if (partyRef != null && partyRef.equals(responsibleRef)) {
            return withSupplier() ? "approver" : "person responsible";
        }
        return "canteen staff";
    }

    /** A term's income: fees collected plus other income (absent counts 0); null without fees collected. */
    public BigDecimal income() {
        if (feesCollected == null) {
            return null;
        }
        return otherIncome == null ? feesCollected : feesCollected.add(otherIncome);
    }

    /** A term's surplus: income minus spending (negative for a deficit); null without fees or spending. */
    public BigDecimal surplus() {
        BigDecimal income = income();
        return income == null || spent == null ? null : income.subtract(spent);
    }

    /** The surplus as a share of the fees collected (0.0812 = 8.12%), 4 decimals; null without a positive fee total. */
    public BigDecimal surplusShare() {
        BigDecimal surplus = surplus();
        if (surplus == null || feesCollected.signum() <= 0) {
            return null;
        }
        return surplus.divide(feesCollected, 4, RoundingMode.HALF_UP);
    }

    /** True when the surplus is above the given share of the fees collected. */
    public boolean surplusAbove(BigDecimal share) {
        BigDecimal surplus = surplus();
        return surplus != null && feesCollected.signum() > 0 && surplus.compareTo(feesCollected.multiply(share)) > 0;
    }

    /** True when the surplus is at least the given share of the fees collected. */
    public boolean surplusAtLeast(BigDecimal share) {
        BigDecimal surplus = surplus();
        return surplus != null && feesCollected.signum() > 0 && surplus.compareTo(feesCollected.multiply(share)) >= 0;
    }

    /** The unit price as a multiple of the reference price (1.25 = 125%), 4 decimals, or null when either is missing. */
    public BigDecimal unitPriceRatio() {
        if (unitPrice == null || referenceUnitPrice == null || referenceUnitPrice.signum() <= 0) {
            return null;
        }
        return unitPrice.divide(referenceUnitPrice, 4, RoundingMode.HALF_UP);
    }

    /** True when the unit price is above the reference price times the given ratio. */
    public boolean priceAbove(BigDecimal ratio) {
        return unitPriceRatio() != null && unitPrice.compareTo(referenceUnitPrice.multiply(ratio)) > 0;
    }

    /** What the purchase cost above the reference price (quantity × the difference), or null without a quantity. */
    public BigDecimal overpayment() {
        if (quantity == null || unitPriceRatio() == null) {
            return null;
        }
        return unitPrice.subtract(referenceUnitPrice).multiply(quantity).setScale(2, RoundingMode.HALF_UP);
    }

    /** Meal days without a leader accompanying every meal: meal days minus accompanied days (never below 0); null without both. */
    public Integer missedDays() {
        if (mealDays == null || accompaniedDays == null) {
            return null;
        }
        return Math.max(0, mealDays - accompaniedDays);
    }

    /** True when the missed days are at least the given share of the meal days. */
    public boolean missedAtLeast(BigDecimal share) {
        Integer missed = missedDays();
        return missed != null && mealDays > 0
                && BigDecimal.valueOf(missed).compareTo(share.multiply(BigDecimal.valueOf(mealDays))) >= 0;
    }

    /** Contracted out or entrusted: the canteen is run by someone else (labour service alone is not). */
    public boolean operatedByOthers() {
        return "OUTSOURCING".equals(recordType)
                && ("CONTRACTED".equals(operationMode) || "ENTRUSTED".equals(operationMode));
    }

    /** True when the school runs the rural compulsory-education nutrition programme. */
    public boolean inNutritionProgramme() {
        return Boolean.TRUE.equals(nutritionProgramme);
    }

    /** An outsourcing contract whose contractor was not chosen by one of the given open methods (absent = not shown). */
    public boolean notOpenlySelected(List<String> openMethods) {
        return "OUTSOURCING".equals(recordType) && (selectionMethod == null || !openMethods.contains(selectionMethod));
    }
}
