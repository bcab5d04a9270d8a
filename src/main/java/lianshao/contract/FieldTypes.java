package lianshao.contract;

/** Shorthands for the value kinds of the contract, so schemas read like the contract tables. */
final class FieldTypes {

    static final int MAX_ARRAY_ITEMS = 1000;

    /** Party references, ids, codes, names, phone numbers, accounts. */
    static final FieldType CODE = new TextType(256, false, false);
    /** Free text: descriptions, specifications, reasons, published conditions. */
    static final FieldType PROSE = new TextType(4000, false, false);
    static final FieldType BOOLEAN = new BooleanType();
    static final FieldType DATE = new DateType();
    static final FieldType TIMESTAMP = new TimestampType();
    /** Yuan: non-negative, at most 2 decimals. */
    static final FieldType MONEY = new DecimalType(true, false);
    /** Yuan that may be negative (contract variations: positive = more money). */
    static final FieldType SIGNED_MONEY = new DecimalType(true, true);
    /** Scores, points, days, quantities: non-negative, any precision. */
    static final FieldType NUMBER = new DecimalType(false, false);
    static final FieldType COUNT = new IntType(0, Integer.MAX_VALUE);
    static final FieldType YEAR = new IntType(1900, 2200);
    /** A rank where 1 is the best. */
    static final FieldType RANK = new IntType(1, Integer.MAX_VALUE);
    /** {@code string[]}: party references, each non-blank. */
    static final FieldType REFS = arrayOf(CODE.whenRequired());
    /** School stage (admissions, admission plans); PRIMARY and JUNIOR are compulsory education. */
    static final FieldType STAGE = EnumType.of("PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "HIGHER");

    private FieldTypes() {
    }

    static FieldType oneOf(String... allowed) {
        return EnumType.of(allowed);
    }

    static FieldType arrayOf(FieldType itemType) {
        return new ArrayType(itemType, false, MAX_ARRAY_ITEMS);
    }

    static FieldType arrayOf(ObjectSchema itemSchema) {
        return arrayOf(ObjectType.of(itemSchema));
    }
}
