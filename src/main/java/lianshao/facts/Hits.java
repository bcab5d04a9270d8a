package lianshao.facts;

/**
 * The one thing a rule's consequence does: record a hit. Available in every rule as the global
 * {@code hits}. The hit belongs to the firing rule (its {@code @id}) and the record under evaluation.
 *
 * <pre>
 * hits.raise("采购金额 " + $p.amount() + " 元 ...")
 *     .subject($p.approverRef())
 *     .evidence("amount", $p.amount());
 * </pre>
 */
public interface Hits {

    /** Raises a hit of the firing rule with a message in Chinese. */
    HitBuilder raise(String message);
}
