package lianshao.facts;

import static lianshao.facts.FactSamples.bid;
import static lianshao.facts.FactSamples.tender;
import static lianshao.facts.FactSamples.tenderWithPrices;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Bid period, distinct bidders and price patterns of a tender (catalogue TEN-04, TEN-05, TEN-06); the bidder group,
 * cover bids and award day of the cross-tender rules (TEN-16, TEN-17, TEN-18).
 */
class TenderTest {

    // ---------------------------------------------------------------- bid period

    @Test
    void firstToTwentyFirstOfMarchIsTwentyDays() {
        assertThat(tender(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 21), List.of()).bidPeriodDays()).isEqualTo(20);
    }

    @Test
    void theBidPeriodIsTheDifferenceOfTheDatesAcrossMonths() {
        assertThat(tender(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 12), List.of()).bidPeriodDays()).isEqualTo(20);
        assertThat(tender(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), List.of()).bidPeriodDays()).isEqualTo(19);
        assertThat(tender(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), List.of()).bidPeriodDays()).isZero();
    }

    @Test
    void aMissingDateGivesNoBidPeriod() {
        assertThat(tender(null, LocalDate.of(2026, 3, 21), List.of()).bidPeriodDays()).isNull();
        assertThat(tender(LocalDate.of(2026, 3, 1), null, List.of()).bidPeriodDays()).isNull();
    }

    @Test
    void aPeriodGivenByFirstAndLastDayCountsBothDays() {
        assertThat(Dates.periodDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7))).isEqualTo(7);
        assertThat(Dates.periodDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).isEqualTo(1);
        assertThat(Dates.periodDays(null, LocalDate.of(2026, 3, 1))).isNull();
    }

    // ---------------------------------------------------------------- bidders

    @Test
    void aBidderWithTwoBidsIsOneBidderAtItsLowestPrice() {
        Tender tender = tenderWithPrices("B1=300", "B2=200", "B1=100");

        assertThat(tender.bidderRefs()).containsExactly("B1", "B2");
        assertThat(tender.sortedBidderPrices()).extracting(java.math.BigDecimal::toPlainString).containsExactly("100", "200");
    }

    // ---------------------------------------------------------------- price patterns

    @Test
    void exactlyEqualStepsAreEqualSteps() {
        assertThat(tenderWithPrices("B1=1000000", "B2=1100000", "B3=1200000").pricePattern()).isEqualTo("EQUAL_STEPS");
    }

    @Test
    void stepsWithinOnePercentOfTheAverageStepAreEqualSteps() {
        // steps 100 and 102, average 101, allowed 1.01: the largest deviation is 1
        assertThat(tenderWithPrices("B1=100", "B2=200", "B3=302").pricePattern()).isEqualTo("EQUAL_STEPS");
    }

    @Test
    void stepsOffByMoreThanOnePercentAreNoPattern() {
        // steps 100 and 103, average 101.5, allowed 1.015: the deviation 1.5 is too much; ratios 2 and 1.515
        assertThat(tenderWithPrices("B1=100", "B2=200", "B3=303").pricePattern()).isNull();
    }

    @Test
    void fourBidsInEqualStepsInAnyOrder() {
        assertThat(tenderWithPrices("B3=4800000", "B1=4500000", "B4=4950000", "B2=4650000").pricePattern())
                .isEqualTo("EQUAL_STEPS");
    }

    @Test
    void oneUnevenStepAmongManyBreaksThePattern() {
        assertThat(tenderWithPrices("B1=1000", "B2=2000", "B3=3000", "B4=4100").pricePattern()).isNull();
    }

    @Test
    void equalRatiosAreEqualRatios() {
        // ratios 1.1 and 1.1; steps 10 and 11 are not equal steps
        assertThat(tenderWithPrices("B1=100", "B2=110", "B3=121").pricePattern()).isEqualTo("EQUAL_RATIOS");
    }

    @Test
    void ratiosWithinFiveHundredthsOfAPercentagePointAreEqualRatios() {
        // ratios 1.10 and 1.10045: 0.045 percentage points apart
        assertThat(tenderWithPrices("B1=100", "B2=110", "B3=121.05").pricePattern()).isEqualTo("EQUAL_RATIOS");
    }

    @Test
    void ratiosMoreThanFiveHundredthsOfAPercentagePointApartAreNoPattern() {
        // ratios 1.10 and 1.100545: 0.0545 percentage points apart
        assertThat(tenderWithPrices("B1=100", "B2=110", "B3=121.06").pricePattern()).isNull();
        assertThat(tenderWithPrices("B1=100", "B2=110", "B3=121.1").pricePattern()).isNull();
    }

    @Test
    void fewerThanThreeBiddersHaveNoPattern() {
        assertThat(tenderWithPrices("B1=100", "B2=200").pricePattern()).isNull();
        assertThat(tenderWithPrices("B1=100").pricePattern()).isNull();
        assertThat(tenderWithPrices().pricePattern()).isNull();
    }

    @Test
    void oneBidderWithTwoBidsIsCountedOnce() {
        // 100, 200, 300 would be equal steps, but B1 is one bidder: its lowest price 100, and B2 at 300
        assertThat(tenderWithPrices("B1=100", "B1=200", "B2=300").pricePattern()).isNull();
        // three bidders, one of them bidding twice: the pattern of the bidders' lowest prices
        assertThat(tenderWithPrices("B1=100", "B1=250", "B2=200", "B3=300").pricePattern()).isEqualTo("EQUAL_STEPS");
    }

    @Test
    void identicalPricesAreNotAProgression() {
        assertThat(tenderWithPrices("B1=100", "B2=100", "B3=100").pricePattern()).isNull();
    }

    @Test
    void aBidderCountedOnceKeepsItsBidOrder() {
        Tender tender = tender(null, null, List.of(bid(0, "B2", "1"), bid(1, "B1", "2"), bid(2, "B2", "3")));

        assertThat(tender.bidderRefs()).containsExactly("B2", "B1");
    }

    // ---------------------------------------------------------------- across tenders (TEN-16, TEN-17, TEN-18)

    @Test
    void coverBiddersAreTheOthersWhoseLowestValidBidIsAboveTheWinningPrice() {
        Tender tender = won("W", null, bid(0, "W", "100"), bid(1, "L", "120"), bid(2, "M", "90"), disqualified(3, "D", "130"),
                disqualified(4, "L", "80"), bid(5, "E", "100"));

        assertThat(tender.winningPrice()).isEqualByComparingTo("100");
        assertThat(tender.higherLosingBidderRefs()).containsExactly("L");
    }

    @Test
    void theWinningPriceIsTheWinnersLowestValidBid() {
        Tender tender = won("W", null, disqualified(0, "W", "50"), bid(1, "W", "110"), bid(2, "W", "100"), bid(3, "L", "105"));

        assertThat(tender.winningPrice()).isEqualByComparingTo("100");
        assertThat(tender.higherLosingBidderRefs()).containsExactly("L");
    }

    @Test
    void withoutAWinnerOrAValidWinningBidNobodyCoversForIt() {
        assertThat(won(null, null, bid(0, "W", "100"), bid(1, "L", "120")).higherLosingBidderRefs()).isEmpty();
        assertThat(won("W", null, disqualified(0, "W", "100"), bid(1, "L", "120")).higherLosingBidderRefs()).isEmpty();
    }

    @Test
    void aGroupIsIncludedWhenEveryOneOfItBid() {
        Tender tender = won("B2", null, bid(0, "B1", "1"), bid(1, "B2", "2"), bid(2, "B3", "3"));

        assertThat(tender.biddersInclude(List.of("B1", "B3"))).isTrue();
        assertThat(tender.biddersInclude(List.of("B1", "B4"))).isFalse();
        assertThat(tender.biddersInclude(List.of())).isFalse();
        assertThat(tender.wonByOneOf(List.of("B1", "B2"))).isTrue();
        assertThat(tender.wonByOneOf(List.of("B1", "B3"))).isFalse();
    }

    @Test
    void daysBeforeTheAwardCountFromTheAwardNoticeOrTheRecordDay() {
        LocalDate registered = LocalDate.of(2026, 1, 1);

        assertThat(won("W", LocalDate.of(2026, 6, 29)).daysBeforeAward(registered)).isEqualTo(179);
        assertThat(won("W", null).daysBeforeAward(registered)).isEqualTo(90);
        assertThat(won("W", null).daysBeforeAward(null)).isNull();
    }

    private static Tender won(String winnerRef, LocalDate awardedOn, Bid... bids) {
        Tender t = tender(null, null, List.of(bids));
        return new Tender(t.recordId(), t.externalId(), t.source(), t.orgCode(), t.occurredAt(), t.occurredOn(), t.current(),
                t.tenderId(), t.projectName(), t.projectCode(), t.stateFunded(), t.category(), t.estimatedAmount(), t.procedure(),
                t.exemptionReason(), t.awardCriterion(), null, null, null, List.of(), null, null, awardedOn, null, null, null,
                t.bids(), winnerRef, null, List.of(), t.approverRef(), List.of(), List.of());
    }

    private static Bid disqualified(int index, String bidderRef, String price) {
        return new Bid("rec-1", index, bidderRef, new java.math.BigDecimal(price), true, "资格不符", null, null, null, null, null,
                null, null, null);
    }
}
