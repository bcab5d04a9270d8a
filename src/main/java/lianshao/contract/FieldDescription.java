package lianshao.contract;

import java.util.List;

/**
 * One declared field of the contract, for documentation and tooling (see {@link ContractSchemas}).
 *
 * @param key         where the field sits: {@code PROCUREMENT.amount}, {@code TENDER.bids[].price},
 *                    {@code ORG.name}, {@code ENVELOPE.domain}; also the key of its description
 * @param name        the JSON name
 * @param required    whether it must be present (and, for text, non-blank); {@code null} counts as absent
 * @param value       what its value must be
 * @param description what it means, in Chinese; {@code null} if {@code field-descriptions.properties} lacks it
 */
public record FieldDescription(String key, String name, boolean required, ValueDescription value,
        String description) {

    public ValueKind kind() {
        return value.kind();
    }

    /** The allowed values of an enumeration, or of each element of an array of enumerations; else empty. */
    public List<String> enumValues() {
        if (value.kind() == ValueKind.ARRAY && value.items() != null) {
            return value.items().enumValues();
        }
        return value.enumValues();
    }

    /** The fields of each element of an array of objects (or of an object); else empty. */
    public List<FieldDescription> itemFields() {
        ValueDescription shape = value.kind() == ValueKind.ARRAY ? value.items() : value;
        return shape == null || shape.fields() == null ? List.of() : shape.fields();
    }
}
