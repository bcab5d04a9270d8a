package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A calendar date {@code YYYY-MM-DD}, parsed strictly (2026-02-30 is rejected). */
record DateType() implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (JsonValues.date(value).isEmpty()) {
            errors.add(new FieldError(path, Messages.INVALID_DATE));
        }
    }
}
