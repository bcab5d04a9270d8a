package lianshao.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The marks a rule's message carries where it mentions a code ({@code ⟦party:P-0018⟧}), written by the
 * wording methods of {@code hits} and read by {@link MessageWording}. An explicit mark rather than a guess
 * over free text: a project name in capitals stays as written.
 */
final class Mentions {

    static final String PARTY = "party";
    static final String ORG = "org";
    static final String LABEL = "label";
    static final String FIELD = "field";

    /** A mark: its kind and what it names (for a label, {@code field=code}). */
    static final Pattern MARK = Pattern.compile("⟦(party|org|label|field):([^⟦⟧]{1,300})⟧");

    private static final java.util.Set<String> KINDS = java.util.Set.of(PARTY, ORG, LABEL, FIELD);
    private static final int LONGEST_CODE = 300;

    /**
     * The text with each mark replaced by what {@code wording} gives for its kind and code; exactly the marks {@link #MARK}
     * finds, scanned by hand: a message is worded on every hit, and the regular expression's search for a character
     * outside Latin-1 tried every position of every text.
     */
    static String replaceMarks(String text, java.util.function.BinaryOperator<String> wording) {
        int at = text.indexOf('⟦');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int copied = 0;
        while (at >= 0) {
            int next = text.indexOf('⟦', at + 1);
            int colon = text.indexOf(':', at + 1);
            int end = colon < 0 ? -1 : text.indexOf('⟧', colon + 1);
            boolean mark = end > colon + 1 && end - colon - 1 <= LONGEST_CODE && (next < 0 || next > end)
                    && KINDS.contains(text.substring(at + 1, colon));
            if (mark) {
                out.append(text, copied, at).append(wording.apply(text.substring(at + 1, colon), text.substring(colon + 1, end)));
                copied = end + 1;
                next = text.indexOf('⟦', copied);
            }
            at = next;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** What a message shows for a reference the record left empty. */
    static final String EMPTY = "（未填）";

    private static final String SEPARATOR = "、";

    private Mentions() {
    }

    static String party(String ref) {
        return mark(PARTY, ref);
    }

    static String org(String code) {
        return mark(ORG, code);
    }

    static String parties(Collection<String> refs) {
        return refs == null ? EMPTY : refs.stream().filter(Objects::nonNull).distinct().map(Mentions::party)
                .collect(Collectors.joining(SEPARATOR));
    }

    static String label(String field, String code) {
        if (code == null || code.isBlank()) {
            return EMPTY;
        }
        return field == null || field.contains("=") ? plain(code) : mark(LABEL, field + "=" + code);
    }

    static String labels(String field, Collection<String> codes) {
        return codes == null ? EMPTY : codes.stream().filter(Objects::nonNull).distinct().map(c -> label(field, c))
                .collect(Collectors.joining(SEPARATOR));
    }

    static String fieldNames(String parent, Collection<String> names) {
        if (names == null) {
            return EMPTY;
        }
        String prefix = parent == null || parent.isBlank() ? "" : parent + ".";
        return names.stream().filter(Objects::nonNull).distinct().map(n -> mark(FIELD, prefix + n))
                .collect(Collectors.joining(SEPARATOR));
    }

    static String joined(Collection<String> texts) {
        return texts == null ? EMPTY : texts.stream().filter(Objects::nonNull).distinct().collect(Collectors.joining(SEPARATOR));
    }

    /** ¥6,352,000.00: the yuan sign, thousands separated, two decimals. */
    static String yuan(BigDecimal amount) {
        if (amount == null) {
            return EMPTY;
        }
        DecimalFormat format = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    static String amounts(Collection<BigDecimal> amounts) {
        return amounts == null ? EMPTY : amounts.stream().filter(Objects::nonNull).map(Mentions::yuan)
                .collect(Collectors.joining(SEPARATOR));
    }

    private static String mark(String kind, String code) {
        if (code == null || code.isBlank()) {
            return EMPTY;
        }
        return MARK.matcher("⟦" + kind + ":" + code + "⟧").matches() ? "⟦" + kind + ":" + code + "⟧" : plain(code);
    }

    /** A code that cannot be marked (it holds a mark's brackets, or is too long) is shown without them. */
    private static String plain(String code) {
        return code.replace("⟦", "").replace("⟧", "");
    }
}
