package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A change to an awarded contract; a positive amount means more money. */
public record ContractVariation(String recordId, int index, BigDecimal amount, LocalDate on,
        String reason, String approverRef) {
}
