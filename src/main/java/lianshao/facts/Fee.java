package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money paid in connection with an admission. */
public record Fee(String recordId, int index, String type, BigDecimal amount, LocalDate paidOn,
        String payerRef, String payeeRef, Boolean onApprovedSchedule) {
}
