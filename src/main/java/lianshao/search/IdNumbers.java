package lianshao.search;

import java.util.Locale;
import java.util.regex.Pattern;

import lianshao.support.Hashing;

/**
 * Chinese resident ID numbers (居民身份证号码, GB 11643: 17 digits and a check character 0–9 or X). The service never
 * keeps one in clear: feeds send {@code identityHash}, the SHA-256 (lower-case hex) of the 18 characters with the
 * check character upper-case, and a search hashes what was typed the same way.
 */
final class IdNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dXx]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** Whether the text has the shape of an 18-character ID number (checked or not). */
    static boolean looksLikeOne(String text) {
        return SHAPE.matcher(text).matches();
    }

    /** Whether the check character agrees with the 17 digits before it (ISO 7064 MOD 11-2). */
    static boolean valid(String text) {
        if (!looksLikeOne(text)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (text.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == Character.toUpperCase(text.charAt(17));
    }

    /** The hash an ID number is stored and matched as. */
    static String hash(String idNumber) {
        return Hashing.sha256Hex(idNumber.toUpperCase(Locale.ROOT));
    }

    /** What may be shown of a hash: its first 8 characters, enough to tell searches apart in the access log. */
    static String hashPrefix(String hash) {
        return hash.substring(0, 8);
    }
}
