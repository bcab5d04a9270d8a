package lianshao.contract;

/** One declared field of an object: its JSON name, the kind of value, and whether it must be present. */
record FieldSpec(String name, FieldType type, boolean required) {
}
