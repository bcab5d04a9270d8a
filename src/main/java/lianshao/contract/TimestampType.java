package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** An ISO-8601 timestamp that carries an offset; a local date-time is ambiguous and rejected. */
record TimestampType() implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (JsonValues.timestamp(value).isEmpty()) {
            errors.add(new FieldError(path, Messages.INVALID_TIMESTAMP));
        }
    }
}
