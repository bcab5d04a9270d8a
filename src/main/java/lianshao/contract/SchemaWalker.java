package lianshao.contract;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Applies an {@link ObjectSchema} to a JSON object: the present fields in document order (unknown ones are
 * errors), then the missing required fields in contract order, then the cross-field checks. An explicit JSON
 * {@code null} counts as absent.
 */
final class SchemaWalker {

    private SchemaWalker() {
    }

    static void walk(JsonNode object, ObjectSchema schema, String path,
                     UnaryOperator<String> unknownFieldMessage, List<FieldError> errors) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            String fieldPath = FieldPaths.child(path, name);
            FieldSpec spec = schema.fields().get(name);
            if (spec == null) {
                errors.add(new FieldError(fieldPath, unknownFieldMessage.apply(name)));
            } else if (JsonValues.isPresent(property.getValue())) {
                spec.type().check(property.getValue(), fieldPath, errors);
            }
        }
        for (FieldSpec spec : schema.fields().values()) {
            if (spec.required() && !JsonValues.isPresent(object.get(spec.name()))) {
                errors.add(new FieldError(FieldPaths.child(path, spec.name()), Messages.REQUIRED));
            }
        }
        for (CrossFieldCheck check : schema.crossFieldChecks()) {
            check.check(object, path, errors);
        }
    }
}
