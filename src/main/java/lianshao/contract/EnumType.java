package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A JSON string that must be exactly one of the listed UPPER_SNAKE values. */
record EnumType(List<String> allowed) implements FieldType {

    EnumType {
        allowed = List.copyOf(allowed);
    }

    static EnumType of(String... allowed) {
        return new EnumType(List.of(allowed));
    }

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isString() || !allowed.contains(value.stringValue())) {
            errors.add(new FieldError(path, Messages.oneOf(allowed)));
        }
    }
}
