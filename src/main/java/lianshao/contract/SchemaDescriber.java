package lianshao.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the package's schemas into the public, read-only {@link FieldDescription}s. */
final class SchemaDescriber {

    private final Map<String, String> texts;

    SchemaDescriber(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The fields of {@code schema}, keyed {@code prefix.name}. */
    List<FieldDescription> fields(String prefix, ObjectSchema schema) {
        List<FieldDescription> fields = new ArrayList<>();
        for (FieldSpec spec : schema.fields().values()) {
            String key = prefix + "." + spec.name();
            fields.add(new FieldDescription(key, spec.name(), spec.required(), value(spec.type(), key),
                    texts.get(key)));
        }
        return List.copyOf(fields);
    }

    private ValueDescription value(FieldType type, String key) {
        if (type instanceof TextType text) {
            return ValueDescription.text(text.maxLength(), text.nonBlank(), text.rejectControlCharacters());
        }
        if (type instanceof EnumType enumeration) {
            return ValueDescription.oneOf(enumeration.allowed());
        }
        if (type instanceof IntType integer) {
            return ValueDescription.integer(integer.min(), integer.max());
        }
        if (type instanceof DecimalType decimal) {
            return ValueDescription.number(decimal.signed() ? null : 0L, decimal.money() ? DecimalType.MONEY_SCALE : null);
        }
        if (type instanceof BooleanType) {
            return ValueDescription.simple(ValueKind.BOOLEAN);
        }
        if (type instanceof DateType) {
            return ValueDescription.simple(ValueKind.DATE);
        }
        if (type instanceof TimestampType) {
            return ValueDescription.simple(ValueKind.TIMESTAMP);
        }
        if (type instanceof ArrayType array) {
            ValueDescription items = array.itemType() == null ? null : value(array.itemType(), key + "[]");
            return ValueDescription.array(items, array.nonEmpty() ? 1 : 0, array.maxItems());
        }
        if (type instanceof ObjectType object) {
            return ValueDescription.object(object.schema() == null ? null : fields(key, object.schema()));
        }
        throw new IllegalStateException("no description for field type " + type.getClass().getName() + " at " + key);
    }
}
