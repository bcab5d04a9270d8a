package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 招标: one tender procedure with its bids (contract section 2, TENDER). */
public record Tender(
        String recordId, String externalId, String source, String orgCode,
        OffsetDateTime occurredAt, LocalDate occurredOn, boolean current,
        String tenderId, String projectName, String projectCode, Boolean stateFunded,
        String category, BigDecimal estimatedAmount, String procedure, String exemptionReason,
        String awardCriterion, LocalDate noticePublishedOn, LocalDate bidDeadline,
        LocalDate evaluationReportOn, List<String> candidates, LocalDate publicityStart,
        LocalDate publicityEnd, LocalDate awardedOn, String rankSkipReason,
        LocalDate contractSignedOn, BigDecimal contractAmount, List<Bid> bids, String winnerRef,
        BigDecimal awardAmount, List<TenderEvaluator> evaluators, String approverRef,
        List<ContractVariation> contractVariations, List<Subcontract> subcontracts) implements RecordFact {

    @Override
    public String domain() {
        return "TENDER";
    }

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
}
