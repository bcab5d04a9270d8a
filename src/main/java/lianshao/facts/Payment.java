package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment of a purchase. */
public record Payment(String recordId, int index, BigDecimal amount, LocalDate on, String payeeRef) {

    /** Paid before acceptance: before the given acceptance day, or at all when there is no acceptance (null). */
    public boolean beforeAcceptance(LocalDate acceptedOn) {
        return acceptedOn == null || (on != null && on.isBefore(acceptedOn));
    }
}
