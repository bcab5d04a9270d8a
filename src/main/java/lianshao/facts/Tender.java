package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;

/** 招标: one tender procedure with its bids (contract section 2, TENDER). */
@RecordDomain(name = "TENDER", order = 3, slug = "tender", zh = "招标", en = "Tendering",
        oneRecord = "一个招标项目及其全部投标",
        keys = {
                @ContextKey(name = "TENDER_PROJECT", fields = {"projectCode"}),
                @ContextKey(name = "TENDER_BUYER")},
        datesInOrder = {
                @DatePair(first = "publicityStart", second = "publicityEnd")})
public record Tender(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.CODE, required = true, zh = "招标项目编号。")
        String tenderId,
        @Field(kind = Kind.NAME, required = true, zh = "项目名称。")
        String projectName,
        @Field(kind = Kind.CODE, zh = "所属工程或项目的编号，用于发现同一项目被拆分为多次招标。")
        String projectCode,
        @Field(kind = Kind.BOOLEAN, zh = "是否为国有资金占控股或主导地位的项目。")
        Boolean stateFunded,
        @Field(kind = Kind.ENUM, required = true, values = {"CONSTRUCTION", "GOODS", "SERVICES"}, zh = "项目类别：CONSTRUCTION 工程、GOODS 货物、SERVICES 服务。")
        String category,
        @Field(kind = Kind.MONEY, required = true, zh = "项目预算或最高投标限价。")
        BigDecimal estimatedAmount,
        @Field(kind = Kind.ENUM, required = true, values = {"OPEN", "INVITED", "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION", "INQUIRY", "SINGLE_SOURCE", "DIRECT_AWARD"}, zh = "招标采购方式：OPEN 公开招标、INVITED 邀请招标、COMPETITIVE_NEGOTIATION 竞争性谈判、COMPETITIVE_CONSULTATION 竞争性磋商、INQUIRY 询价、SINGLE_SOURCE 单一来源、DIRECT_AWARD 直接发包。")
        String procedure,
        @Field(kind = Kind.PROSE, zh = "依法应当招标而未招标时所援引的法定豁免理由。")
        String exemptionReason,
        @Field(kind = Kind.ENUM, values = {"LOWEST_PRICE", "COMPREHENSIVE"}, zh = "评标办法：LOWEST_PRICE 最低评标价法、COMPREHENSIVE 综合评分法。")
        String awardCriterion,
        @Field(kind = Kind.DATE, zh = "招标文件开始发出日期。")
        LocalDate noticePublishedOn,
        @Field(kind = Kind.DATE, zh = "投标截止日期。")
        LocalDate bidDeadline,
        @Field(kind = Kind.DATE, zh = "收到评标报告的日期。")
        LocalDate evaluationReportOn,
        @Field(kind = Kind.PARTIES, max = Field.BIDS, zh = "评标委员会推荐的中标候选人，按名次排列（第一个为第一名）。")
        List<String> candidates,
        @Field(kind = Kind.DATE, zh = "中标候选人公示开始日期。")
        LocalDate publicityStart,
        @Field(kind = Kind.DATE, zh = "中标候选人公示结束日期，不得早于开始日期。")
        LocalDate publicityEnd,
        @Field(kind = Kind.DATE, zh = "中标通知书发出日期。")
        LocalDate awardedOn,
        @Field(kind = Kind.PROSE, zh = "未确定排名第一的中标候选人为中标人的原因。")
        String rankSkipReason,
        @Field(kind = Kind.DATE, zh = "合同签订日期。")
        LocalDate contractSignedOn,
        @Field(kind = Kind.MONEY, zh = "合同金额。")
        BigDecimal contractAmount,
        @Field(kind = Kind.ITEMS, required = true, max = Field.BIDS, zh = "收到的全部投标。")
        List<Bid> bids,
        @Field(kind = Kind.PARTY, zh = "中标人。")
        String winnerRef,
        @Field(kind = Kind.MONEY, zh = "中标金额。")
        BigDecimal awardAmount,
        @Field(kind = Kind.ITEMS, max = Field.PEOPLE, zh = "评标委员会成员。")
        List<TenderEvaluator> evaluators,
        @Field(kind = Kind.PARTY, zh = "招标人一方批准定标的人员。")
        String approverRef,
        @Field(kind = Kind.ITEMS, zh = "中标后的合同变更（正数表示增加金额）。")
        List<ContractVariation> contractVariations,
        @Field(kind = Kind.ITEMS, zh = "分包情况。")
        List<Subcontract> subcontracts) implements RecordFact  {

    /** Days from the notice to the bid deadline (1 March → 21 March = 20), or null when a date is missing. */
    public Integer bidPeriodDays() {
        return Dates.daysBetween(noticePublishedOn, bidDeadline);
    }

    /** The distinct bidders, in bid order. */
    public java.util.List<String> bidderRefs() {
        return bids.stream().map(Bid::bidderRef).distinct().toList();
    }

    /** The bid prices of distinct bidders, lowest first (a bidder's lowest bid). */
    public java.util.List<BigDecimal> sortedBidderPrices() {
        java.util.Map<String, BigDecimal> lowest = new java.util.HashMap<>();
        for (Bid bid : bids) {
            lowest.merge(bid.bidderRef(), bid.price(), BigDecimal::min);
        }
        return lowest.values().stream().sorted().toList();
    }

    /**
     * EQUAL_STEPS when three or more bidders' prices, sorted, rise by equal steps (every step within
     * 1% of the average step); EQUAL_RATIOS when they rise by equal ratios (all ratios within 0.05
     * percentage points); otherwise null.
     */
    public String pricePattern() {
        return PricePatterns.of(sortedBidderPrices());
    }

    /** OPEN or INVITED: a tender in the sense of the Bidding Law. */
    public boolean tendered() {
        return "OPEN".equals(procedure) || "INVITED".equals(procedure);
    }

    /** A legal exemption from tendering is claimed ({@code exemptionReason} not blank). */
    public boolean exempted() {
        return exemptionReason != null && !exemptionReason.isBlank();
    }

    /**
     * The threshold key of this tender's category for mandatory tendering
     * ({@code tender.mandatory.construction}, {@code .goods}, {@code .services}).
     */
    public String mandatoryThresholdKey() {
        return "tender.mandatory." + (category == null ? "" : category.toLowerCase(java.util.Locale.ROOT));
    }

    /** The estimated amount is below the mandatory-tender threshold of this tender's category. */
    public boolean belowMandatoryThreshold(Thresholds thresholds) {
        return estimatedAmount != null && estimatedAmount.compareTo(thresholds.amount(mandatoryThresholdKey())) < 0;
    }

    /** Awarded: a winner is named or an award notice is dated (catalogue, TEN-05). */
    public boolean awarded() {
        return (winnerRef != null && !winnerRef.isBlank()) || awardedOn != null;
    }

    /** Whether the given party is the winner. */
    public boolean isWinner(String partyRef) {
        return winnerRef != null && winnerRef.equals(partyRef);
    }

    /** The day bids were due ({@code bidDeadline}), or the record's day when it is missing. */
    public LocalDate bidDay() {
        return bidDeadline != null ? bidDeadline : occurredOn;
    }

    /** The day of the award notice ({@code awardedOn}), or the record's day when it is missing. */
    public LocalDate awardDay() {
        return awardedOn != null ? awardedOn : occurredOn;
    }

    /** Distinct bidders (one company bidding twice is one bidder). */
    public int bidderCount() {
        return bidderRefs().size();
    }

    /** The distinct bidders with at least one bid that was not disqualified, in bid order. */
    public java.util.List<String> validBidderRefs() {
        return bids.stream().filter(b -> !b.disqualified()).map(Bid::bidderRef).distinct().toList();
    }

    public int validBidderCount() {
        return validBidderRefs().size();
    }

    /** Exactly one bidder has a valid bid. */
    public boolean singleValidBidder() {
        return validBidderCount() == 1;
    }

    /** Distinct bidders other than the winner whose bids were all disqualified, in bid order. */
    public java.util.List<String> disqualifiedOtherBidderRefs() {
        java.util.List<String> valid = validBidderRefs();
        return bids.stream().filter(Bid::disqualified).map(Bid::bidderRef).distinct()
                .filter(ref -> !valid.contains(ref) && !isWinner(ref)).toList();
    }

    /** Distinct bidders other than the winner (they bid and lost, whether valid or disqualified). */
    public java.util.List<String> losingBidderRefs() {
        return bidderRefs().stream().filter(ref -> !isWinner(ref)).toList();
    }

    /** The lowest price submitted, or null without bids. */
    public BigDecimal lowestPrice() {
        return bids.stream().map(Bid::price).filter(java.util.Objects::nonNull).min(BigDecimal::compareTo).orElse(null);
    }

    /** The bidders whose disqualified bids were at the lowest price. */
    public java.util.List<String> lowestDisqualifiedBidderRefs() {
        BigDecimal lowest = lowestPrice();
        return bids.stream().filter(b -> b.disqualified() && lowest != null && lowest.compareTo(b.price()) == 0)
                .map(Bid::bidderRef).distinct().toList();
    }

    /** Evaluators who sat on the committee (not recused). */
    public int sittingEvaluatorCount() {
        return (int) evaluators.stream().filter(e -> !e.recused()).count();
    }

    /** Experts among the evaluators who sat on the committee. */
    public int sittingExpertCount() {
        return (int) evaluators.stream().filter(e -> !e.recused() && e.expert()).count();
    }

    /** Candidate 1 of the evaluation report, or null. */
    public String firstCandidate() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The winner's rank among the candidates (1 = first), or null when the winner is not a candidate. */
    public Integer winnerRank() {
        int i = winnerRef == null ? -1 : candidates.indexOf(winnerRef);
        return i < 0 ? null : i + 1;
    }

    /** A winner other than candidate 1, with no {@code rankSkipReason}; false without candidates. */
    public boolean awardOutOfOrder() {
        return winnerRef != null && !candidates.isEmpty() && !winnerRef.equals(candidates.get(0))
                && (rankSkipReason == null || rankSkipReason.isBlank());
    }

    /** A winner who is not among the recommended candidates; false without candidates. */
    public boolean winnerOutsideCandidates() {
        return winnerRef != null && !candidates.isEmpty() && !candidates.contains(winnerRef);
    }

    /** Days of candidate publicity, both ends counted (1–3 March = 3), or null when a date is missing. */
    public Integer publicityDays() {
        return Dates.periodDays(publicityStart, publicityEnd);
    }

    /** The award notice is dated before the last day of the candidate publicity. */
    public boolean awardedBeforePublicityEnd() {
        return awardedOn != null && publicityEnd != null && awardedOn.isBefore(publicityEnd);
    }

    /** Awarded without a complete publicity period (start or end missing). */
    public boolean awardedWithoutPublicity() {
        return awardedOn != null && (publicityStart == null || publicityEnd == null);
    }

    /** Days from the award notice to the contract (award 1 March, signed 31 March = 30), or null. */
    public Integer daysFromAwardToContract() {
        return Dates.daysBetween(awardedOn, contractSignedOn);
    }

    /** |contractAmount − awardAmount| / awardAmount, or null when an amount is missing or the award is 0. */
    public BigDecimal contractDeviation() {
        if (contractAmount == null || awardAmount == null || awardAmount.signum() <= 0) {
            return null;
        }
        return contractAmount.subtract(awardAmount).abs().divide(awardAmount, java.math.MathContext.DECIMAL64);
    }

    /** {@link #contractDeviation()} in percent, 2 decimals, for messages. */
    public BigDecimal contractDeviationPercent() {
        return percent(contractDeviation());
    }

    /** The sum of the positive contract variations (more money); negative ones are not netted. */
    public BigDecimal positiveVariationTotal() {
        return contractVariations.stream().map(ContractVariation::amount)
                .filter(a -> a != null && a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Positive variations as a share of the award (0.12 = 12%), or null without an award amount. */
    public BigDecimal variationShare() {
        if (awardAmount == null || awardAmount.signum() <= 0) {
            return null;
        }
        return positiveVariationTotal().divide(awardAmount, java.math.MathContext.DECIMAL64);
    }

    /** {@link #variationShare()} in percent, 2 decimals, for messages. */
    public BigDecimal variationPercent() {
        return percent(variationShare());
    }

    /** Who approved the positive variations. */
    public java.util.List<String> variationApproverRefs() {
        return contractVariations.stream().filter(v -> v.amount() != null && v.amount().signum() > 0)
                .map(ContractVariation::approverRef).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** awardAmount / estimatedAmount (0.995 = 99.5%), or null when an amount is missing. */
    public BigDecimal awardShareOfEstimate() {
        if (awardAmount == null || estimatedAmount == null || estimatedAmount.signum() <= 0) {
            return null;
        }
        return awardAmount.divide(estimatedAmount, java.math.MathContext.DECIMAL64);
    }

    /** {@link #awardShareOfEstimate()} in percent, 2 decimals, for messages. */
    public BigDecimal awardPercentOfEstimate() {
        return percent(awardShareOfEstimate());
    }

    /**
     * This record lies within the given number of months before the other one (its day counted), by the
     * records' days: 12 months before 2026-09-15 starts on 2025-09-15.
     */
    public boolean withinMonthsBefore(Tender other, int months) {
        return !occurredOn.isAfter(other.occurredOn) && !occurredOn.isBefore(other.occurredOn.minusMonths(months));
    }

    /** Every one of the given bidders bid on this tender (the recurring group of a bid rotation, TEN-16). */
    public boolean biddersInclude(java.util.List<String> refs) {
        return !refs.isEmpty() && bidderRefs().containsAll(refs);
    }

    /** The winner is one of the given bidders. */
    public boolean wonByOneOf(java.util.List<String> refs) {
        return winnerRef != null && refs.contains(winnerRef);
    }

    /** The winner's lowest valid bid, or null when the winner has none. */
    public BigDecimal winningPrice() {
        return bids.stream().filter(b -> !b.disqualified() && isWinner(b.bidderRef()) && b.price() != null)
                .map(Bid::price).min(BigDecimal::compareTo).orElse(null);
    }

    /**
     * Bidders other than the winner whose lowest valid bid is above the winner's (they lost on price with a
     * higher offer: the cover bids of TEN-17), in bid order; empty without a winning price.
     */
    public java.util.List<String> higherLosingBidderRefs() {
        BigDecimal winning = winningPrice();
        if (winning == null) {
            return java.util.List.of();
        }
        java.util.Map<String, BigDecimal> lowest = new java.util.LinkedHashMap<>();
        for (Bid bid : bids) {
            if (!bid.disqualified() && bid.price() != null && !isWinner(bid.bidderRef())) {
                lowest.merge(bid.bidderRef(), bid.price(), BigDecimal::min);
            }
        }
        return lowest.entrySet().stream().filter(e -> e.getValue().compareTo(winning) > 0).map(java.util.Map.Entry::getKey).toList();
    }

    /** Days from the given day to the award day (registered 1 March, awarded 31 March = 30), or null. */
    public Integer daysBeforeAward(LocalDate day) {
        return Dates.daysBetween(day, awardDay());
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio == null ? null : ratio.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
