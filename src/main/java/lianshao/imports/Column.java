package lianshao.imports;

import java.util.List;

import lianshao.contract.ValueDescription;
import lianshao.contract.ValueKind;

/**
 * One column of a template sheet, derived from a contract field.
 *
 * @param field       the JSON name, written in the template's second header row
 * @param path        where the value goes in the envelope or body: {@code payload.amount}, {@code externalId},
 *                    {@code partyId}; for an item sheet the field name within the item
 * @param header      the short Chinese header of the first row (from the field's description)
 * @param description the field's full Chinese description, for the header comment
 * @param value       what the value must be
 * @param required    whether the contract requires it
 * @param options     the allowed values of an enumeration (or of each element of a list of enumerations)
 */
public record Column(String field, String path, String header, String description, ValueDescription value,
        boolean required, List<EnumOption> options) {

    public Column {
        options = List.copyOf(options);
    }

    /** A value of the contract and its Chinese label, shown in the drop-down as {@code INQUIRY 询价}. */
    public record EnumOption(String code, String label) {

        public String display() {
            return label == null ? code : code + " " + label;
        }
    }

    /** The kind of the cell: for a list of strings or enumerations, the kind of each element. */
    public ValueKind cellKind() {
        if (value.kind() == ValueKind.ARRAY && value.items() != null) {
            return value.items().kind();
        }
        return value.kind();
    }

    public boolean list() {
        return value.kind() == ValueKind.ARRAY;
    }

    /** The header shown in row 1: required columns end with an asterisk. */
    public String displayHeader() {
        return required ? header + "*" : header;
    }
}
