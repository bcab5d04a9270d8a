package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A check relating several fields of one object. It runs after the field checks and silently skips fields
 * that are absent or malformed, since those already have their own error. Errors name the later field.
 */
interface CrossFieldCheck {

    void check(JsonNode object, String path, List<FieldError> errors);
}
