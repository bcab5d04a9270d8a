package lianshao.facts;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The one thing a rule's consequence does: record a hit. Available in every rule as the global
 * {@code hits}. The hit belongs to the firing rule (its {@code @id}) and the record under evaluation.
 *
 * <pre>
 * hits.raise("采购金额 " + hits.yuan($p.amount()) + "，审批人 " + hits.party($p.approverRef()) + " ...")
 *     .subject($p.approverRef())
 *     .evidence("amount", $p.amount());
 * </pre>
 *
 * <p>The wording methods below put codes into a message so that readers see names: a message keeps a
 * marked mention, and after the evaluation the service writes it out from the record's reference data and
 * the contract (张三（P-0018）, 询价, 投标文件特征码). What is not known stays as its code.
 */
public interface Hits {

    /** Raises a hit of the firing rule with a message in Chinese. */
    HitBuilder raise(String message);

    /** A person or organisation by its reference: shown as its registered name with the code, 张三（P-0018）. */
    String party(String partyRef);

    /** Several parties, joined with 、. */
    String parties(Collection<String> partyRefs);

    /** An organisation by its code: shown as its registered name with the code, 城北中学（SCH-N01）. */
    String org(String orgCode);

    /**
     * A code of an enumeration field of the contract, shown as its Chinese label:
     * {@code label("PROCUREMENT.method", "INQUIRY")} reads 询价. The field is named as in the contract's field
     * descriptions ({@code TENDER.procedure}, {@code ADMISSION.fees[].type}).
     */
    String label(String field, String code);

    /** Several codes of one enumeration field, each by its label, joined with 、. */
    String labels(String field, Collection<String> codes);

    /**
     * Names of fields of the contract shown as their Chinese names:
     * {@code fieldNames("TENDER.bids[]", List.of("fileFingerprint"))} reads 投标文件特征码.
     */
    String fieldNames(String parent, Collection<String> names);

    /** Texts of a list (brands, phrases, record numbers) joined with 、, without the brackets of a list's text form. */
    String joined(Collection<String> texts);

    /** An amount in yuan as Chinese readers write it: ¥6,352,000.00. */
    String yuan(BigDecimal amount);

    /** A whole amount in yuan written in a rule or a decision table ({@code $param}): ¥4,000,000.00. */
    String yuan(long amount);

    /** Several amounts in yuan, each as {@link #yuan}, joined with 、. */
    String amounts(Collection<BigDecimal> amounts);
}
