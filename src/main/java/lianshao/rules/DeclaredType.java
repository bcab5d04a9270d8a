package lianshao.rules;

import java.util.List;

/**
 * A fact type a rule file declares ({@code declare Name  field : Type ... end}) to hold what a
 * derivation rule concludes: its package, name and fields in constructor order (those of the declared
 * type it extends first), each of a value type or a fact-model type ({@link DeclareCheck}); {@code parent}
 * is the qualified name of the type it extends, or null. Drools generates the class when the rule set is
 * built, so the safety check knows it only by this description: a getter per field, a constructor taking
 * every field in order, no other members a rule may use.
 */
record DeclaredType(String packageName, String name, String parent, List<Field> fields, String file, int line) {

    /** One field and its static type. */
    record Field(String name, StaticType type) {
    }

    DeclaredType {
        fields = List.copyOf(fields);
    }

    /** This type with the fields of the type it extends before its own. */
    DeclaredType inheriting(List<Field> inherited) {
        List<Field> all = new java.util.ArrayList<>(inherited);
        all.addAll(fields);
        return new DeclaredType(packageName, name, parent, all, file, line);
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
