package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** An integral JSON number token (not 3.0, not "3") within [min, max]. */
record IntType(int min, int max) implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isIntegralNumber()) {
            errors.add(new FieldError(path, Messages.NOT_INTEGER));
        } else if (!value.canConvertToInt()) {
            errors.add(new FieldError(path, Messages.TOO_LARGE));
        } else if (value.intValue() < min || value.intValue() > max) {
            errors.add(new FieldError(path, Messages.outOfRange(min, max)));
        }
    }
}
