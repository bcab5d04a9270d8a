package lianshao.facts;

/** A member of a tender's bid evaluation committee. */
public record TenderEvaluator(String recordId, int index, String ref, boolean expert,
        boolean randomlySelected, boolean recused) {
}
