package lianshao.contract;

/**
 * Shorthands for the value kinds of the contract, so schemas read like the contract tables.
 *
 * <p>Every string and every array is bounded, at sizes no real record reaches, so that what a feed sends can
 * never be so large that evaluating it runs out of its budgets: a record beyond a bound is refused at the door
 * (400, naming the field and the limit) instead of being stored and then failing. The array bounds are per
 * field ({@link #arrayOf(FieldType, int)}); the constants below name them.
 */
final class FieldTypes {

    /** Upper bound of any array of the contract; each array field declares its own, smaller one. */
    static final int MAX_ARRAY_ITEMS = 1000;

    /** Bids of one tender: a real open tender has a few dozen at most. */
    static final int MAX_BIDS = lianshao.facts.Field.BIDS;
    /** Line items of one record (payments, fees, bonus items, contract variations, subcontracts). */
    static final int MAX_LINE_ITEMS = lianshao.facts.Field.LINE_ITEMS;
    /** People of one panel, committee or list: evaluators, panel members, staff, candidates, guardians. */
    static final int MAX_PEOPLE = lianshao.facts.Field.PEOPLE;
    /** Members of one research project. */
    static final int MAX_MEMBERS = lianshao.facts.Field.MEMBERS;
    /** Values of an array of enumerations (each value at most once makes sense; a few repeats are tolerated). */
    static final int MAX_ENUM_VALUES = lianshao.facts.Field.ENUM_VALUES;
    /** Dates of one year's calendar list. */
    static final int MAX_DAYS = 366;

    /** Codes, ids and party references, phone numbers, accounts, fingerprints (a SHA-256 in hex is 64). */
    static final int CODE_LENGTH = 64;
    /** Names and titles: of organisations, parties, projects, positions; addresses. */
    static final int NAME_LENGTH = 200;
    /** Free text: descriptions, specifications, reasons, published conditions. */
    static final int PROSE_LENGTH = 2000;

    /** Party references, ids, codes, phone numbers, accounts. */
    static final FieldType CODE = new TextType(CODE_LENGTH, false, false);
    /** Names of organisations, parties, projects, positions; addresses. */
    static final FieldType NAME = new TextType(NAME_LENGTH, false, false);
    /** Free text: descriptions, specifications, reasons, published conditions. */
    static final FieldType PROSE = new TextType(PROSE_LENGTH, false, false);
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
    /** {@code string[]}: references to people of one panel or list, each non-blank. */
    static final FieldType PEOPLE = refs(MAX_PEOPLE);
    /** School stage (admissions, admission plans); PRIMARY and JUNIOR are compulsory education. */
    static final FieldType STAGE = EnumType.of("PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "HIGHER");

    private FieldTypes() {
    }

    static FieldType oneOf(String... allowed) {
        return EnumType.of(allowed);
    }

    /** {@code string[]} of party references, each non-blank, at most {@code maxItems}. */
    static FieldType refs(int maxItems) {
        return arrayOf(CODE.whenRequired(), maxItems);
    }

    static FieldType arrayOf(FieldType itemType, int maxItems) {
        if (maxItems > MAX_ARRAY_ITEMS) {
            throw new IllegalArgumentException("an array of the contract has at most " + MAX_ARRAY_ITEMS + " items");
        }
        return new ArrayType(itemType, false, maxItems);
    }

    static FieldType arrayOf(ObjectSchema itemSchema, int maxItems) {
        return arrayOf(ObjectType.of(itemSchema), maxItems);
    }
}
