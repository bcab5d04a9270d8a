package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A JSON array of at most {@code maxItems} elements, each checked against {@code itemType}. Elements are not
 * checked once the array is too long, so an oversized array yields one error instead of thousands.
 */
record ArrayType(FieldType itemType, boolean nonEmpty, int maxItems) implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError(path, Messages.NOT_ARRAY));
        } else if (nonEmpty && value.isEmpty()) {
            errors.add(new FieldError(path, Messages.EMPTY_ARRAY));
        } else if (value.size() > maxItems) {
            errors.add(new FieldError(path, Messages.tooManyItems(maxItems)));
        } else if (itemType != null) {
            for (int i = 0; i < value.size(); i++) {
                itemType.check(value.get(i), FieldPaths.item(path, i), errors);
            }
        }
    }
}
