package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A JSON boolean ({@code true} / {@code false}, not "true"). */
record BooleanType() implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isBoolean()) {
            errors.add(new FieldError(path, Messages.NOT_BOOLEAN));
        }
    }
}
