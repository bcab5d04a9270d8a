package lianshao.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declared fields of one JSON object, in contract order, plus the checks that relate them. */
record ObjectSchema(Map<String, FieldSpec> fields, List<CrossFieldCheck> crossFieldChecks) {

    ObjectSchema {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        crossFieldChecks = List.copyOf(crossFieldChecks);
    }

    static Builder builder() {
        return new Builder();
    }

    boolean declares(String name) {
        return fields.containsKey(name);
    }

    static final class Builder {

        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
        private final List<CrossFieldCheck> checks = new ArrayList<>();

        Builder required(String name, FieldType type) {
            return add(new FieldSpec(name, type.whenRequired(), true));
        }

        Builder optional(String name, FieldType type) {
            return add(new FieldSpec(name, type, false));
        }

        /** Several optional fields of the same type, as the contract lists them on one row. */
        Builder optional(FieldType type, String... names) {
            for (String name : names) {
                optional(name, type);
            }
            return this;
        }

        Builder check(CrossFieldCheck check) {
            checks.add(check);
            return this;
        }

        ObjectSchema build() {
            return new ObjectSchema(fields, checks);
        }

        private Builder add(FieldSpec spec) {
            if (fields.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalStateException("field declared twice: " + spec.name());
            }
            return this;
        }
    }
}
