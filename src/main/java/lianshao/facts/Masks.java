package lianshao.facts;

/**
 * Masked forms of personal data (names of persons, identity hashes, phones, accounts, addresses) for a hit's message
 * and evidence. Rules may compare the raw values in their conditions but may show only these forms:
 * enough for an inspector to match a value against a document, not enough to learn it.
 */
final class Masks {

    static final String STARS = "****";

    private Masks() {
    }

    /**
     * The last 4 characters behind stars ("****1234"), spaces and dashes ignored; only stars when the
     * value has 4 characters or fewer (it would otherwise be shown whole); null for null.
     */
    static String lastFour(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("[\\s-]", "");
        return compact.length() <= 4 ? STARS : STARS + compact.substring(compact.length() - 4);
    }

    /** The first character and a star, as lists pseudonymise persons: 张三 → 张*, 欧阳娜娜 → 欧*; "*" when blank. */
    static String firstCharacter(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String trimmed = name.strip();
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "*";
    }

    /**
     * The first {@code keep} characters (code points) followed by stars — for an address, its province,
     * city and district without the street and number; only stars when the value is no longer than that.
     */
    static String leading(String value, int keep) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) <= keep) {
            return STARS;
        }
        return stripped.substring(0, stripped.offsetByCodePoints(0, keep)) + STARS;
    }
}
