package lianshao.evaluation;

import java.util.List;
import java.util.Optional;

import lianshao.facts.RecordFact;

/** What {@link FactMapper} and {@link Evaluator} make of a record, for the golden test of the contract. */
public final class FactsGolden {

    private FactsGolden() {
    }

    /** The fact type of a domain's records. */
    public static Optional<Class<? extends RecordFact>> factType(String domain) {
        return lianshao.contract.Domain.parse(domain).map(lianshao.contract.Domain::factType);
    }

    /** The item facts the evaluator inserts beside the record (bids, fees, payments...), in insertion order. */
    public static List<Object> items(RecordFact record) {
        return Evaluator.items(record);
    }
}
