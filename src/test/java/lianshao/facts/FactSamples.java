package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Tenders and bids built in code, with only the fields a test cares about. */
final class FactSamples {

    private FactSamples() {
    }

    static Tender tender(LocalDate noticePublishedOn, LocalDate bidDeadline, List<Bid> bids) {
        OffsetDateTime at = OffsetDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        return new Tender("rec-1", "ext-1", "test", "ORG-1", at, at.toLocalDate(), true,
                "ZB-1", "教学楼改造", "P-1", Boolean.TRUE, "CONSTRUCTION", new BigDecimal("5000000"), "OPEN", null,
                "LOWEST_PRICE", noticePublishedOn, bidDeadline, null, List.of(), null, null, null, null, null, null,
                bids, null, null, List.of(), "APP-1", List.of(), List.of());
    }

    static Tender tenderWithPrices(String... bidderAndPrice) {
        List<Bid> bids = new java.util.ArrayList<>();
        for (int i = 0; i < bidderAndPrice.length; i++) {
            String[] parts = bidderAndPrice[i].split("=");
            bids.add(bid(i, parts[0], parts[1]));
        }
        return tender(null, null, bids);
    }

    static Bid bid(int index, String bidderRef, String price) {
        return new Bid("rec-1", index, bidderRef, new BigDecimal(price), false, null, null, null, null, null, null,
                null, null, null);
    }

    /** A bid with the identifying fields in contract order. */
    static Bid bidWith(String bidderRef, String contactPhone, String depositAccount, String agentRef,
            String preparerRef, String projectManagerRef, String fileFingerprint, String submittedFromIp) {
        return new Bid("rec-1", 0, bidderRef, new BigDecimal("100"), false, null, null, contactPhone, depositAccount,
                agentRef, preparerRef, projectManagerRef, fileFingerprint, submittedFromIp);
    }
}
