package lianshao.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One declared field of the contract, for documentation and tooling (see {@link ContractSchemas}).
 *
 * @param key         where the field sits: {@code PROCUREMENT.amount}, {@code TENDER.bids[].price},
 *                    {@code ORG.name}, {@code ENVELOPE.domain}; also the key of its description
 * @param name        the JSON name
 * @param required    whether it must be present (and, for text, non-blank); {@code null} counts as absent
 * @param value       what its value must be
 * @param description what it means, in Chinese; {@code null} if {@code field-descriptions.properties} lacks it
 */
public record FieldDescription(String key, String name, boolean required, ValueDescription value,
        String description) {

    private static final Pattern VALUE_LABEL = Pattern.compile("([A-Z][A-Z0-9_]*) ([^、，。；：,;:\\s（(]+)");
    private static final Pattern PARENTHESES = Pattern.compile("（[^）]*）|\\([^)]*\\)");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    public ValueKind kind() {
        return value.kind();
    }

    /** The allowed values of an enumeration, or of each element of an array of enumerations; else empty. */
    public List<String> enumValues() {
        if (value.kind() == ValueKind.ARRAY && value.items() != null) {
            return value.items().enumValues();
        }
        return value.enumValues();
    }

    /** The fields of each element of an array of objects (or of an object); else empty. */
    public List<FieldDescription> itemFields() {
        ValueDescription shape = value.kind() == ValueKind.ARRAY ? value.items() : value;
        return shape == null || shape.fields() == null ? List.of() : shape.fields();
    }

    /** Whether the field holds party ids (a person's or an organisation's registered id), one or a list, as its domain declares. */
    public boolean partyRef() {
        int dot = key.indexOf('.');
        return dot > 0 && Domain.parse(key.substring(0, dot)).map(d -> d.partyField(name)).orElse(false);
    }

    /**
     * The Chinese label: the first phrase of the description without parentheses. "采购方式：OPEN_TENDER 公开招标…"
     * gives 采购方式, "记录所属单位（学校、教育局等）的机构代码。" gives 记录所属单位的机构代码. The field name if there
     * is no description.
     */
    public String label() {
        if (description == null || description.isBlank()) {
            return name;
        }
        String text = PARENTHESES.matcher(description).replaceAll("");
        int end = text.length();
        for (char stop : new char[] {'：', ':', '，', ',', '。', '；', ';'}) {
            int at = text.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String label = text.substring(0, end).strip();
        return label.isEmpty() ? name : label;
    }

    /**
     * The label for readers of a language: Chinese from the description, otherwise the field name in words
     * ("methodChangeApprovedOn" gives "Method change approved on"), since the contract describes fields in Chinese only.
     */
    public String label(Locale locale) {
        return chinese(locale) ? label() : words(name);
    }

    /**
     * The Chinese label of every enumeration value the description names ("INQUIRY 询价、…"), in contract order;
     * values the description does not name are absent.
     */
    public Map<String, String> valueLabels() {
        List<String> values = enumValues();
        if (values.isEmpty() || description == null) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = VALUE_LABEL.matcher(description);
        while (m.find()) {
            if (values.contains(m.group(1))) {
                labels.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    /** The Chinese label of one enumeration value, or {@code null} if the description does not name it. */
    public String valueLabel(String code) {
        return valueLabels().get(code);
    }

    /** The label of one enumeration value for readers of a language, the code in words when there is none. */
    public String valueLabel(String code, Locale locale) {
        String label = chinese(locale) ? valueLabel(code) : null;
        return label != null ? label : words(code);
    }

    private static boolean chinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }

    /** "methodChangeApprovedOn" and "METHOD_CHANGE" in words: "Method change approved on", "Method change". */
    private static String words(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return identifier;
        }
        String spaced = WORD_START.matcher(identifier).replaceAll(" ").replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
