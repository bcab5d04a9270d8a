package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The kind of value a field holds; checks one present (non-null) value and reports what is wrong with it. */
interface FieldType {

    void check(JsonNode value, String path, List<FieldError> errors);

    /** The variant used when the field is required; only strings tighten (they must then be non-blank). */
    default FieldType whenRequired() {
        return this;
    }
}
