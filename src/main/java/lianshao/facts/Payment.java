package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import lianshao.facts.Field.Kind;

/** A payment of a purchase. */
public record Payment(
        String recordId,
        int index,
        @Field(kind = Kind.MONEY, required = true, zh = "付款金额。")
        BigDecimal amount,
        @Field(kind = Kind.DATE, required = true, zh = "付款日期。")
        LocalDate on,
        @Field(kind = Kind.PARTY, required = true, zh = "收款人。")
        String payeeRef) {

    /** Paid before acceptance: before the given acceptance day, or at all when there is no acceptance (null). */
    public boolean beforeAcceptance(LocalDate acceptedOn) {
        return acceptedOn == null || (on != null && on.isBefore(acceptedOn));
    }
}
