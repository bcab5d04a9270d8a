package lianshao.contract;

import java.util.List;

/**
 * What a field's value (or an array's element) must be, as declared by the contract schemas. Components that do
 * not apply to the {@code kind} are {@code null}, {@code false} or empty.
 *
 * @param kind                the kind of JSON value
 * @param enumValues          {@code ENUM}: the allowed values in contract order
 * @param minimum             {@code INTEGER}, {@code NUMBER}: inclusive lower bound; {@code null} = none
 * @param maximum             {@code INTEGER}: inclusive upper bound; {@code null} = none
 * @param maxDecimals         {@code NUMBER}: at most this many decimals (money in yuan: 2); {@code null} = any
 * @param maxLength           {@code TEXT}: at most this many characters (code points)
 * @param nonBlank            {@code TEXT}: must contain something other than whitespace
 * @param noControlCharacters {@code TEXT}: control characters are rejected
 * @param items               {@code ARRAY}: each element; {@code null} when the elements are checked elsewhere
 * @param minItems            {@code ARRAY}: at least this many elements
 * @param maxItems            {@code ARRAY}: at most this many elements
 * @param fields              {@code OBJECT}: the declared fields in contract order (no others are accepted);
 *                            {@code null} when the object's fields depend on something else (the envelope's
 *                            payload depends on its {@code domain})
 */
public record ValueDescription(ValueKind kind, List<String> enumValues, Long minimum, Long maximum,
        Integer maxDecimals, Integer maxLength, boolean nonBlank, boolean noControlCharacters,
        ValueDescription items, int minItems, Integer maxItems, List<FieldDescription> fields) {

    public ValueDescription {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        fields = fields == null ? null : List.copyOf(fields);
    }

    /** Money in yuan: a decimal with at most 2 decimals. */
    public boolean money() {
        return kind == ValueKind.NUMBER && maxDecimals != null;
    }

    static ValueDescription simple(ValueKind kind) {
        return new ValueDescription(kind, null, null, null, null, null, false, false, null, 0, null, null);
    }

    static ValueDescription text(int maxLength, boolean nonBlank, boolean noControlCharacters) {
        return new ValueDescription(ValueKind.TEXT, null, null, null, null, maxLength, nonBlank, noControlCharacters,
                null, 0, null, null);
    }

    static ValueDescription oneOf(List<String> values) {
        return new ValueDescription(ValueKind.ENUM, values, null, null, null, null, false, false, null, 0, null, null);
    }

    static ValueDescription integer(long minimum, long maximum) {
        return new ValueDescription(ValueKind.INTEGER, null, minimum, maximum, null, null, false, false, null, 0, null,
                null);
    }

    static ValueDescription number(Long minimum, Integer maxDecimals) {
        return new ValueDescription(ValueKind.NUMBER, null, minimum, null, maxDecimals, null, false, false, null, 0,
                null, null);
    }

    static ValueDescription array(ValueDescription items, int minItems, int maxItems) {
        return new ValueDescription(ValueKind.ARRAY, null, null, null, null, null, false, false, items, minItems,
                maxItems, null);
    }

    static ValueDescription object(List<FieldDescription> fields) {
        return new ValueDescription(ValueKind.OBJECT, null, null, null, null, null, false, false, null, 0, null,
                fields);
    }
}
