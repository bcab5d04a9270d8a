package lianshao.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The amounts, day counts, ratios and word lists of {@code rules/thresholds.properties}, read by the
 * rules so that local policy can change a number without touching a rule. The fact a rule sees is
 * already set to the current record's district: a value configured as {@code key.<district>} wins
 * over the general {@code key}. Asking for a key that is not configured is an error: it fails the
 * evaluation rather than silently using zero.
 */
public record Thresholds(Map<String, String> values, String district) {

    public Thresholds(Map<String, String> values) {
        this(values, null);
    }

    /** The same thresholds, read for the given district. */
    public Thresholds in(String district) {
        return new Thresholds(values, district);
    }

    public BigDecimal amount(String key) {
        return new BigDecimal(raw(key));
    }

    public int count(String key) {
        return Integer.parseInt(raw(key));
    }

    public int days(String key) {
        return count(key);
    }

    /** A ratio such as 1.3 (130%) or 0.1 (10%). */
    public BigDecimal ratio(String key) {
        return amount(key);
    }

    /** A comma-separated list of words. */
    public List<String> words(String key) {
        return Arrays.stream(raw(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String raw(String key) {
        String value = district == null ? null : values.get(key + "." + district);
        value = value != null ? value : values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("threshold not configured: " + key);
        }
        return value.trim();
    }
}
