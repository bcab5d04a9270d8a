package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment of a purchase. */
public record Payment(String recordId, int index, BigDecimal amount, LocalDate on, String payeeRef) {
}
