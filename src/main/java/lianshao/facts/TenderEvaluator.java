package lianshao.facts;

import lianshao.facts.Field.Kind;

/** A member of a tender's bid evaluation committee. */
public record TenderEvaluator(
        String recordId,
        int index,
        @Field(kind = Kind.PARTY, required = true, zh = "评标委员会成员（当事人编号）。")
        String ref,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "是否为评标专家（而非招标人代表）。")
        boolean expert,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "是否从专家库中随机抽取。")
        boolean randomlySelected,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "是否已回避。")
        boolean recused) {
}
