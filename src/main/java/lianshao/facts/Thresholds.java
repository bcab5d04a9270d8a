package lianshao.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The amounts, day counts, ratios and word lists of {@code rules/thresholds.properties}, read by the
 * rules so that local policy can change a number without touching a rule. Asking for a key that is
 * not configured is an error: it fails the evaluation rather than silently using zero.
 */
public record Thresholds(Map<String, String> values) {

    public BigDecimal amount(String key) {
        return new BigDecimal(raw(key));
    }

    /** The value for a jurisdiction ({@code key.<district>}) if configured, else the general one. */
    public BigDecimal amountIn(String key, String district) {
        String local = district == null ? null : values.get(key + "." + district);
        return local != null ? new BigDecimal(local.trim()) : amount(key);
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
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("threshold not configured: " + key);
        }
        return value.trim();
    }
}
