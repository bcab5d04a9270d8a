package lianshao.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;

/**
 * “三公”经费: one reception, one use of an official vehicle or one business trip, paid from public funds. One
 * domain with a record kind ({@code recordType}); the fields of the other kinds stay empty (docs/api.md,
 * "Extension domains").
 */
@RecordDomain(name = "OFFICIAL_SPENDING", order = 8, slug = "official-spending", zh = "“三公”经费", en = "Official spending",
        oneRecord = "一次接待、用车或出差",
        keys = {
                @ContextKey(name = "OFS_LETTER", fields = {"letterRef"})},
        datesInOrder = {
                @DatePair(first = "startDate", second = "endDate"),
                @DatePair(first = "approvedStart", second = "approvedEnd")})
public record OfficialSpending(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.ENUM, required = true, values = {"RECEPTION", "VEHICLE_USE", "TRAVEL"}, zh = "记录类型：RECEPTION 公务接待、VEHICLE_USE 公务用车、TRAVEL 差旅。")
        String recordType,
        @Field(kind = Kind.CODE, required = true, zh = "单据编号（接待清单、用车记录或差旅报销单的编号）。")
        String spendingId,
        @Field(kind = Kind.DATE, required = true, zh = "开始日期（接待日期、用车日期或出差出发日期）。")
        LocalDate startDate,
        @Field(kind = Kind.DATE, zh = "结束日期（多日接待、用车或出差返回的日期）；未填写则与开始日期相同。")
        LocalDate endDate,
        @Field(kind = Kind.MONEY, required = true, zh = "本次支出总额。")
        BigDecimal amount,
        @Field(kind = Kind.PARTY, required = true, zh = "经办人（接待承办人、用车人或出差人）。")
        String handlerRef,
        @Field(kind = Kind.PARTY, zh = "审批人。")
        String approverRef,
        @Field(kind = Kind.CODE, zh = "事前审批单编号（接待审批单、非工作日用车审批或出差审批单）；未填写即未经审批。")
        String approvalRef,
        @Field(kind = Kind.PROSE, zh = "事由说明。")
        String description,
        @Field(kind = Kind.CODE, zh = "派出单位公函编号（公务接待）；未填写即无公函。")
        String letterRef,
        @Field(kind = Kind.NAME, zh = "接待对象所在单位（公务接待）。")
        String guestOrgName,
        @Field(kind = Kind.COUNT, zh = "接待对象人数（公务接待）。")
        Integer guestCount,
        @Field(kind = Kind.COUNT, zh = "陪餐人数（公务接待，本单位陪同用餐的人数）。")
        Integer accompanyingCount,
        @Field(kind = Kind.MONEY, zh = "工作餐费用合计（公务接待）。")
        BigDecimal mealCost,
        @Field(kind = Kind.COUNT, zh = "工作餐餐次（公务接待）；未填写视为 1 次。")
        Integer mealCount,
        @Field(kind = Kind.BOOLEAN, zh = "工作餐是否提供了酒水（公务接待）。")
        Boolean alcoholServed,
        @Field(kind = Kind.CODE, zh = "车辆号牌或编号（公务用车）。")
        String vehicleCode,
        @Field(kind = Kind.CODE, zh = "派车单或用车登记编号（公务用车）；未填写即无派车记录。")
        String dispatchRef,
        @Field(kind = Kind.PARTIES, zh = "出差人员（差旅）；经办人算作其中之一，可不重复填写。")
        List<String> travellerRefs,
        @Field(kind = Kind.NAME, zh = "实际出差目的地（差旅）。")
        String destination,
        @Field(kind = Kind.NAME, zh = "审批的出差目的地（差旅）。")
        String approvedDestination,
        @Field(kind = Kind.DATE, zh = "审批的出差开始日期（差旅）。")
        LocalDate approvedStart,
        @Field(kind = Kind.DATE, zh = "审批的出差结束日期（差旅）。")
        LocalDate approvedEnd,
        @Field(kind = Kind.PARTIES, zh = "审批的出差人员（差旅）；未填写则不核对人员。")
        List<String> approvedTravellerRefs,
        @Field(kind = Kind.MONEY, zh = "住宿费合计（差旅）。")
        BigDecimal lodgingAmount,
        @Field(kind = Kind.NUMBER, zh = "住宿的人·夜数（差旅）。")
        BigDecimal lodgingNights,
        @Field(kind = Kind.MONEY, zh = "目的地每人每夜住宿费限额（差旅）；未填写则按本地默认限额。")
        BigDecimal lodgingLimit) implements RecordFact {

    /** Longest span of days looked at for days off (a year): a record spanning more is a feed error, not a trip. */
    private static final int MAX_SPAN_DAYS = 366;

    @Override
    public String domain() {
        return "OFFICIAL_SPENDING";
    }

    /** The last day: {@code endDate}, or {@code startDate} when the record covers one day. */
    public LocalDate lastDay() {
        return endDate != null ? endDate : startDate;
    }

    /** True when no official letter of the sending unit is given. */
    public boolean withoutLetter() {
        return blank(letterRef);
    }

    /** True when no prior approval is given. */
    public boolean withoutApproval() {
        return blank(approvalRef);
    }

    /** True when no dispatch record of the vehicle is given. */
    public boolean withoutDispatch() {
        return blank(dispatchRef);
    }

    /** Everyone at the meals: guests and accompanying staff; null without a guest count. */
    public Integer diners() {
        return guestCount == null ? null : guestCount + (accompanyingCount == null ? 0 : accompanyingCount);
    }

    /** The meal cost per person and meal, to the cent; null without a cost or without anyone at the meals. */
    public BigDecimal mealCostPerPerson() {
        Integer diners = diners();
        if (mealCost == null || diners == null || diners <= 0) {
            return null;
        }
        return mealCost.divide(BigDecimal.valueOf((long) diners * meals()), 2, RoundingMode.HALF_UP);
    }

    /** The number of working meals: {@code mealCount}, 1 when absent or 0. */
    public int meals() {
        return mealCount == null || mealCount <= 0 ? 1 : mealCount;
    }

    /**
     * The most accompanying staff allowed: {@code smallGroupMax} for at most {@code smallGroupGuests} guests,
     * else the guests divided by {@code divisor}, rounded down (11 guests and a third: 3). Null without a guest count.
     */
    public Integer accompanyingLimit(int smallGroupGuests, int smallGroupMax, int divisor) {
        if (guestCount == null) {
            return null;
        }
        return guestCount <= smallGroupGuests ? smallGroupMax : guestCount / Math.max(divisor, 1);
    }

    /** The first day from {@code startDate} to the last day that is not a working day, or null. */
    public LocalDate firstDayOff(WorkCalendar calendar) {
        LocalDate last = lastDay();
        LocalDate day = startDate;
        for (int i = 0; i < MAX_SPAN_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
            if (!calendar.workingDay(day)) {
                return day;
            }
        }
        return null;
    }

    /** Everyone who travelled: the handler and {@code travellerRefs}, each once. */
    public List<String> travellers() {
        List<String> all = new ArrayList<>();
        all.add(handlerRef);
        travellerRefs.stream().filter(ref -> !all.contains(ref)).forEach(all::add);
        return List.copyOf(all);
    }

    /** True when both destinations are given and differ (spaces ignored). */
    public boolean destinationDiffers() {
        return !blank(destination) && !blank(approvedDestination)
                && !destination.replaceAll("\\s", "").equals(approvedDestination.replaceAll("\\s", ""));
    }

    /** True when the trip starts before the approved start or ends after the approved end. */
    public boolean datesOutsideApproval() {
        return (approvedStart != null && startDate.isBefore(approvedStart))
                || (approvedEnd != null && lastDay().isAfter(approvedEnd));
    }

    /** Travellers not among {@code approvedTravellerRefs}; empty when no approved list is given. */
    public List<String> unapprovedTravellers() {
        if (approvedTravellerRefs.isEmpty()) {
            return List.of();
        }
        return travellers().stream().filter(ref -> !approvedTravellerRefs.contains(ref)).toList();
    }

    /** True when the trip leaves its approval in destination, dates or people. */
    public boolean outsideApprovedPlan() {
        return destinationDiffers() || datesOutsideApproval() || !unapprovedTravellers().isEmpty();
    }

    /** Lodging per person-night, to the cent; null without an amount or a positive number of nights. */
    public BigDecimal lodgingPerNight() {
        if (lodgingAmount == null || lodgingNights == null || lodgingNights.signum() <= 0) {
            return null;
        }
        return lodgingAmount.divide(lodgingNights, 2, RoundingMode.HALF_UP);
    }

    /** The lodging limit of the destination, else the given default. */
    public BigDecimal lodgingLimitOr(BigDecimal defaultLimit) {
        return lodgingLimit != null ? lodgingLimit : defaultLimit;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
