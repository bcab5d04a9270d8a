package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import lianshao.facts.Field.Kind;

/** A change to an awarded contract; a positive amount means more money. */
public record ContractVariation(
        String recordId,
        int index,
        @Field(kind = Kind.SIGNED_MONEY, required = true, zh = "变更金额：正数表示增加，负数表示减少。")
        BigDecimal amount,
        @Field(kind = Kind.DATE, required = true, zh = "变更日期。")
        LocalDate on,
        @Field(kind = Kind.PROSE, required = true, zh = "变更理由。")
        String reason,
        @Field(kind = Kind.PARTY, zh = "批准变更的人员。")
        String approverRef) {
}
