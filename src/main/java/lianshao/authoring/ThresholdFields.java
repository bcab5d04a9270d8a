package lianshao.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lianshao.contract.FieldError;
import lianshao.web.ValidationFailed;

/**
 * The keys of a {@code thresholds.properties} text as form fields: each with the comment above it as its
 * label, its value and a type read from the file's conventions (amounts in yuan, whole counts of days,
 * months or items, ratios as decimals, comma-separated lists). Changing values rewrites only their lines,
 * so comments and order stay as the author wrote them.
 */
public final class ThresholdFields {

    private static final Pattern ENTRY = Pattern.compile("^([^#!=\\s][^=]*?)\\s*=\\s*(.*)$");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,12}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final Pattern AMOUNT_KEY = Pattern.compile(".*(threshold|amount|award|per-day|construction|goods|services)(\\..*)?$");
    private static final Pattern SHARE_KEY = Pattern.compile(".*(share|tolerance)(\\..*)?$");
    static final int MAX_LIST = 2000;

    public enum Type {
        /** yuan, at most two decimals */
        AMOUNT,
        /** a whole number: days, working days, months, years, counts */
        WHOLE,
        /** a decimal ratio; "10%" is accepted for 0.1 */
        RATIO,
        /** comma-separated words or codes */
        LIST
    }

    /** One key: its label (the comment above it), value and type. */
    public record Field(String key, String label, String value, Type type) {
    }

    private ThresholdFields() {
    }

    public static List<Field> of(String text) {
        List<Field> fields = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String line : lines(text)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                comment.clear();
                continue;
            }
            if (stripped.startsWith("#") || stripped.startsWith("!")) {
                String c = stripped.substring(1).strip();
                if (!c.startsWith("----")) {
                    comment.add(c);
                }
                continue;
            }
            Matcher m = ENTRY.matcher(stripped);
            if (m.matches()) {
                fields.add(new Field(m.group(1), String.join(" ", comment), m.group(2).strip(), type(m.group(1), m.group(2).strip())));
            }
        }
        return fields;
    }

    static Type type(String key, String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return Type.LIST;
        }
        if (AMOUNT_KEY.matcher(key).matches()) {
            return Type.AMOUNT;
        }
        return WHOLE.matcher(value).matches() ? Type.WHOLE : Type.RATIO;
    }

    /**
     * The text with the given keys set to the given values (as typed: "10%" becomes 0.1); refuses with
     * field errors {@code values.<key>} for unknown keys and values that do not fit the key's type.
     */
    public static String apply(String text, Map<String, String> values) {
        Map<String, Field> byKey = new LinkedHashMap<>();
        of(text).forEach(f -> byKey.put(f.key(), f));
        Map<String, String> normalised = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        values.forEach((key, raw) -> {
            Field field = byKey.get(key);
            String name = "values." + key;
            if (field == null) {
                errors.add(new FieldError(name, "阈值文件中没有此项 / no such key in the thresholds file"));
                return;
            }
            String problem = problem(field, raw == null ? "" : raw.strip());
            if (problem != null) {
                errors.add(new FieldError(name, problem));
            } else {
                normalised.put(key, normalise(field.type(), raw.strip()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            Matcher m = ENTRY.matcher(line.strip());
            if (m.matches() && !line.strip().startsWith("#") && normalised.containsKey(m.group(1))) {
                out.append(m.group(1)).append('=').append(normalised.get(m.group(1)));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return text.endsWith("\n") || text.isEmpty() ? out.toString() : out.substring(0, out.length() - 1);
    }

    private static String problem(Field field, String value) {
        if (value.isEmpty()) {
            return "不能为空 / must not be empty";
        }
        return switch (field.type()) {
            case WHOLE -> WHOLE.matcher(value).matches() ? null : "应为非负整数（天数、月数或个数）/ must be a whole number (days, months or a count)";
            case AMOUNT -> DECIMAL.matcher(value).matches() && new BigDecimal(value).scale() <= 2 ? null
                    : "应为金额（元，最多两位小数）/ must be an amount in yuan with at most two decimals";
            case RATIO -> ratioProblem(field.key(), value);
            case LIST -> value.length() > MAX_LIST || value.matches(".*[\\\\\\r\\n=#].*") || value.matches(".*,\\s*,.*|^,.*|.*,$")
                    ? "应为以逗号分隔的词语，不含换行、反斜杠、= 或 # / must be comma-separated words without line breaks, backslashes, = or #"
                    : null;
        };
    }

    private static String ratioProblem(String key, String value) {
        String number = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        if (!DECIMAL.matcher(number).matches()) {
            return "应为比例，如 0.1 或 10% / must be a ratio such as 0.1 or 10%";
        }
        BigDecimal ratio = value.endsWith("%") ? new BigDecimal(number).movePointLeft(2) : new BigDecimal(number);
        if (SHARE_KEY.matcher(key).matches() && ratio.compareTo(BigDecimal.ONE) > 0) {
            return "占比不能超过 1（100%）/ a share cannot exceed 1 (100%)";
        }
        return null;
    }

    private static String normalise(Type type, String value) {
        if (type == Type.RATIO && value.endsWith("%")) {
            return new BigDecimal(value.substring(0, value.length() - 1).strip()).movePointLeft(2).stripTrailingZeros().toPlainString();
        }
        if (type == Type.LIST) {
            return String.join(",", List.of(value.split("\\s*,\\s*")));
        }
        return value;
    }

    /** The lines of the text, without the empty one after a final line break. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
