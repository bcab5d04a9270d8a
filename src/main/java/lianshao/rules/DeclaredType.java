package lianshao.rules;

import java.util.List;

/**
 * A fact type a rule file declares ({@code declare Name  field : Type ... end}) to hold what a
 * derivation rule concludes: its package, name and fields in declaration order, each of a value type or
 * a fact-model type ({@link DeclareCheck}). Drools generates the class when the rule set is built, so
 * the safety check knows it only by this description: a getter per field, a constructor taking every
 * field in order, no other members a rule may use.
 */
record DeclaredType(String packageName, String name, List<Field> fields, String file, int line) {

    /** One field and its static type. */
    record Field(String name, StaticType type) {
    }

    DeclaredType {
        fields = List.copyOf(fields);
    }

    String qualifiedName() {
        return packageName + "." + name;
    }

    /** The field of this name, or null. */
    Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    /**
     * The field a generated getter reads: {@code getX()} for every field, {@code isX()} for a primitive
     * {@code boolean} (as Drools generates them); null when the method is no getter of this type.
     */
    Field getter(String method) {
        for (Field f : fields) {
            String capital = Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1);
            boolean primitiveBoolean = f.type().raw() == boolean.class;
            if (method.equals((primitiveBoolean ? "is" : "get") + capital)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeclaredType d && d.qualifiedName().equals(qualifiedName());
    }

    @Override
    public int hashCode() {
        return qualifiedName().hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
