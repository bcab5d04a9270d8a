package lianshao.contract;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The strings in {@code first} and {@code second} must differ (e.g. a relation from a party to itself). */
record DistinctValues(String first, String second) implements CrossFieldCheck {

    @Override
    public void check(JsonNode object, String path, List<FieldError> errors) {
        JsonNode a = object.get(first);
        JsonNode b = object.get(second);
        if (a != null && b != null && a.isString() && b.isString() && a.stringValue().equals(b.stringValue())) {
            errors.add(new FieldError(FieldPaths.child(path, second), Messages.sameAs(first)));
        }
    }
}
