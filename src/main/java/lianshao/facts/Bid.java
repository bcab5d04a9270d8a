package lianshao.facts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One bid of a tender; {@code index} is its position in the record's {@code bids}. */
public record Bid(
        String recordId, int index, String bidderRef, BigDecimal price, boolean disqualified,
        String disqualificationReason, OffsetDateTime submittedAt, String contactPhone,
        String depositAccount, String agentRef, String preparerRef, String projectManagerRef,
        String fileFingerprint, String submittedFromIp) {

    /** The identifying fields this bid shares with another (file fingerprint, preparer, agent...). */
    public java.util.List<String> sharedIdentifiers(Bid other) {
        java.util.List<String> shared = new java.util.ArrayList<>();
        same(shared, "fileFingerprint", fileFingerprint, other.fileFingerprint);
        same(shared, "preparerRef", preparerRef, other.preparerRef);
        same(shared, "agentRef", agentRef, other.agentRef);
        same(shared, "projectManagerRef", projectManagerRef, other.projectManagerRef);
        same(shared, "depositAccount", depositAccount, other.depositAccount);
        same(shared, "contactPhone", contactPhone, other.contactPhone);
        same(shared, "submittedFromIp", submittedFromIp, other.submittedFromIp);
        return shared;
    }

    /** The contact phone masked to its last 4 digits, for messages and evidence. */
    public String maskedContactPhone() {
        return Masks.lastFour(contactPhone);
    }

    /** The deposit account masked to its last 4 characters, for messages and evidence. */
    public String maskedDepositAccount() {
        return Masks.lastFour(depositAccount);
    }

    public boolean sharesIdentifierWith(Bid other) {
        return !sharedIdentifiers(other).isEmpty();
    }

    public boolean samePriceAs(Bid other) {
        return price.compareTo(other.price) == 0;
    }

    private static void same(java.util.List<String> shared, String name, String a, String b) {
        if (a != null && !a.isBlank() && a.trim().equalsIgnoreCase(b == null ? "" : b.trim())) {
            shared.add(name);
        }
    }
}
