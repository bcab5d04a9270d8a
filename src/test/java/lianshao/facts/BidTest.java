package lianshao.facts;

import static lianshao.facts.FactSamples.bid;
import static lianshao.facts.FactSamples.bidWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identifiers two bids share (catalogue TEN-06, deemed collusion) and equal prices. */
class BidTest {

    @Test
    void sharedIdentifiersAreNamedInContractOrder() {
        Bid a = bidWith("B1", "13800000000", "6222-01", "AG-1", "PR-1", "PM-1", "sha-1", "10.0.0.1");
        Bid b = bidWith("B2", "13800000000", "6222-01", "AG-1", "PR-1", "PM-1", "sha-1", "10.0.0.1");

        assertThat(a.sharedIdentifiers(b)).containsExactly("fileFingerprint", "preparerRef", "agentRef",
                "projectManagerRef", "depositAccount", "contactPhone", "submittedFromIp");
        assertThat(a.sharesIdentifierWith(b)).isTrue();
    }

    @Test
    void matchingIgnoresCaseAndSurroundingWhitespace() {
        Bid a = bidWith("B1", null, null, null, null, null, "  ABCDEF01 ", null);
        Bid b = bidWith("B2", null, null, null, null, null, "abcdef01", null);

        assertThat(a.sharedIdentifiers(b)).containsExactly("fileFingerprint");
        assertThat(b.sharedIdentifiers(a)).containsExactly("fileFingerprint");
    }

    @Test
    void onlyTheFieldsThatMatchAreNamed() {
        Bid a = bidWith("B1", "13800000000", "6222-01", "AG-1", null, null, null, "10.0.0.1");
        Bid b = bidWith("B2", "13900000000", "6222-01", "AG-2", null, null, null, "10.0.0.1 ");

        assertThat(a.sharedIdentifiers(b)).containsExactly("depositAccount", "submittedFromIp");
    }

    @Test
    void blankAndMissingValuesAreNeverShared() {
        Bid a = bidWith("B1", "", "  ", null, "", null, "\t", null);
        Bid b = bidWith("B2", "", "  ", null, null, "", "\t", null);

        assertThat(a.sharedIdentifiers(b)).isEmpty();
        assertThat(a.sharesIdentifierWith(b)).isFalse();
    }

    @Test
    void aValueAgainstAMissingValueIsNotShared() {
        Bid a = bidWith("B1", "13800000000", null, null, null, null, null, null);
        Bid b = bidWith("B2", null, null, null, null, null, null, null);

        assertThat(a.sharedIdentifiers(b)).isEmpty();
        assertThat(b.sharedIdentifiers(a)).isEmpty();
    }

    @Test
    void differentValuesAreNotShared() {
        Bid a = bidWith("B1", "13800000000", "A", "B", "C", "D", "E", "F");
        Bid b = bidWith("B2", "13800000001", "A2", "B2", "C2", "D2", "E2", "F2");

        assertThat(a.sharedIdentifiers(b)).isEmpty();
    }

    @Test
    void pricesAreTheSameRegardlessOfScale() {
        assertThat(bid(0, "B1", "4800000.00").samePriceAs(bid(1, "B2", "4800000"))).isTrue();
        assertThat(bid(0, "B1", "4800000.00").samePriceAs(bid(1, "B2", "4800000.01"))).isFalse();
    }
}
