package lianshao.facts;

import java.math.BigDecimal;

public record Subcontract(String recordId, int index, String subcontractorRef, BigDecimal amount,
        boolean mainWork) {
}
