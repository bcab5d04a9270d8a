package lianshao.contract;

import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object, validated against {@code schema} when one is given. {@code unknownFieldMessage} maps the name
 * of an undeclared field to its error message.
 */
record ObjectType(ObjectSchema schema, UnaryOperator<String> unknownFieldMessage) implements FieldType {

    /** Any JSON object, contents unchecked. */
    static ObjectType anyObject() {
        return new ObjectType(null, name -> Messages.UNKNOWN_FIELD);
    }

    static ObjectType of(ObjectSchema schema) {
        return new ObjectType(schema, name -> Messages.UNKNOWN_FIELD);
    }

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isObject()) {
            errors.add(new FieldError(path, Messages.NOT_OBJECT));
        } else if (schema != null) {
            SchemaWalker.walk(value, schema, path, unknownFieldMessage, errors);
        }
    }
}
