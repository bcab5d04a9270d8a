package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A JSON string of bounded length, optionally non-blank and free of control characters. */
record TextType(int maxLength, boolean nonBlank, boolean rejectControlCharacters) implements FieldType {

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        if (!value.isString()) {
            errors.add(new FieldError(path, Messages.NOT_STRING));
            return;
        }
        String text = value.stringValue();
        if (nonBlank && text.isBlank()) {
            errors.add(new FieldError(path, Messages.BLANK));
        } else if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(new FieldError(path, Messages.tooLong(maxLength)));
        } else if (rejectControlCharacters && text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(path, Messages.CONTROL_CHARACTERS));
        }
    }

    @Override
    public FieldType whenRequired() {
        return new TextType(maxLength, true, rejectControlCharacters);
    }
}
