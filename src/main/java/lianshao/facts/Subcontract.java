package lianshao.facts;

import java.math.BigDecimal;

import lianshao.facts.Field.Kind;

public record Subcontract(
        String recordId,
        int index,
        @Field(kind = Kind.PARTY, required = true, zh = "分包单位。")
        String subcontractorRef,
        @Field(kind = Kind.MONEY, required = true, zh = "分包金额。")
        BigDecimal amount,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "是否将主体或关键性工作分包。")
        boolean mainWork) {
}
