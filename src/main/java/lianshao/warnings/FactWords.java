package lianshao.warnings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import lianshao.contract.ContractSchemas;
import lianshao.contract.Domain;
import lianshao.contract.FieldDescription;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.contract.ReferenceKind;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
import lianshao.support.OneLanguage;

/**
 * A warning's matched facts and grading steps as people read them (warning page, dossier): each fact by its Chinese
 * name ({@code fact.<key>} of messages*.properties, else the contract field's label), values with parties and
 * organisations by name, enumeration codes by their labels and amounts in yuan; grading reasons with parties by name.
 * Codes that name nothing known stay as they are.
 */
@Component
public class FactWords {

    private static final Pattern AMOUNT_KEY = Pattern.compile(".*(?:[Aa]mount|[Tt]otal|[Pp]rice|[Pp]aid|[Cc]ap|[Ll]imit|threshold|overage|"
            + "PerDay)$");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9](?![A-Za-z0-9_-])");
    /** An enumeration value of the contract inside a rule's text: LEADER, IN_LAW (not a party or org code). */
    private static final Pattern CONTRACT_VALUE = Pattern.compile("(?<![\\w-])[A-Z][A-Z_]{2,}(?![\\w-])");
    private static final int MAX_LOOKUPS = 500;

    /** One fact: its key (as the rule named it), the name people read and the value as they read it. */
    public record Fact(String key, String label, String value) {
    }

    private final MessageSource messages;
    private final ReferenceQueries reference;
    private final DisplayFormat format;
    private final Map<String, String> enumLabels;
    /** Codes of the reference data (party roles, relation kinds): the fields a rule's text quotes them from. */
    private final List<FieldDescription> referenceFields;

    FactWords(MessageSource messages, ReferenceQueries reference, DisplayFormat format) {
        this.messages = messages;
        this.reference = reference;
        this.format = format;
        this.enumLabels = unambiguousLabels();
        List<FieldDescription> refs = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            refs.addAll(ContractSchemas.reference(kind));
        }
        this.referenceFields = List.copyOf(refs);
    }

    /** The warning's facts in the language, in the order the rule gave them. */
    public List<Fact> facts(WarningView w, Locale locale) {
        Map<String, Object> facts = facts(w);
        Map<String, String> names = names(w);
        List<Fact> out = new ArrayList<>();
        facts.forEach((key, value) -> out.add(new Fact(key, label(w.domain(), key, locale), value(w.domain(), key, value, names, locale))));
        return out;
    }

    /** The grading steps (step, fromForm, toForm, reason) with the parties in their reasons named. */
    public List<Map<String, Object>> steps(WarningView w, Locale locale) {
        Map<String, String> names = names(w);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> step : steps(w)) {
            Map<String, Object> worded = new LinkedHashMap<>(step);
            if (step.get("reason") instanceof String reason) {
                worded.put("reason", named(reason, names, locale));
            }
            steps.add(worded);
        }
        return steps;
    }

    /** A fact's name: {@code fact.<key>} of messages*.properties, the contract field's label, else the key in words. */
    public String label(String domain, String key, Locale locale) {
        String own = messages.getMessage("fact." + key, null, null, locale);
        if (own != null) {
            return own;
        }
        return field(domain, key).map(f -> f.label(locale)).orElseGet(() -> words(key));
    }

    /** A fact's value: parties and organisations by name, codes by label, amounts in yuan, lists joined. */
    public String value(String domain, String key, Object value, Map<String, String> names, Locale locale) {
        boolean english = english(locale);
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(value(domain, key, v, names, locale)));
            return String.join(english ? ", " : "、", items);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(label(domain, String.valueOf(k), locale) + (english ? ": " : "：")
                    + value(domain, String.valueOf(k), v, names, locale)));
            return String.join(english ? "; " : "；", parts);
        }
        Optional<FieldDescription> field = field(domain, key);
        if (value instanceof Number number) {
            boolean money = field.map(f -> f.value().money()).orElse(AMOUNT_KEY.matcher(key).matches());
            return money ? format.money(number) : new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean yes) {
            return english ? (yes ? "yes" : "no") : (yes ? "是" : "否");
        }
        // a rule's "中文 / English" text: the reader's half
        String text = OneLanguage.pick(value.toString(), locale);
        if (names.containsKey(text)) {
            return named(text, names.get(text), english);
        }
        if (field.isPresent() && field.get().enumValues().contains(text)) {
            return field.get().valueLabel(text, locale);
        }
        String label = codeLabel(domain, text, locale);
        if (label != null) {
            return label;
        }
        // codes quoted inside a text ("P-0009（LEADER @ EDU-XH，IN_LAW）"): the enumeration values by label
        String labelled = CONTRACT_VALUE.matcher(text).replaceAll(r -> Matcher.quoteReplacement(
                Optional.ofNullable(codeLabel(domain, r.group(), locale)).orElse(r.group())));
        return named(labelled, names, locale);
    }

    /**
     * The label of an enumeration value met without its field: as the warning's domain declares it (DONATION of an
     * admission is a fee type), else as the reference data does (LEADER a party's role, IN_LAW a kind of relation),
     * else the one label all fields give it; null for a code no field names.
     */
    private String codeLabel(String domain, String code, Locale locale) {
        Optional<Domain> d = domain == null ? Optional.empty() : Domain.parse(domain);
        List<FieldDescription> candidates = new ArrayList<>();
        d.ifPresent(dom -> ContractSchemas.payload(dom).forEach(f -> {
            candidates.add(f);
            candidates.addAll(f.itemFields());
        }));
        candidates.addAll(referenceFields);
        for (FieldDescription f : candidates) {
            if (f.enumValues().contains(code) && f.valueLabel(code) != null) {
                return f.valueLabel(code, locale);
            }
        }
        String label = enumLabels.get(code);
        return label == null ? null : english(locale) ? words(code) : label;
    }

    /** Party and organisation names of whom the warning and its facts mention. */
    public Map<String, String> names(WarningView w) {
        Set<String> refs = new LinkedHashSet<>(w.subjectRefs());
        collect(facts(w), refs);
        for (Map<String, Object> step : steps(w)) {
            if (step.get("reason") instanceof String reason) {
                Matcher m = IDENTIFIER.matcher(reason);
                while (m.find()) {
                    refs.add(m.group());
                }
            }
        }
        List<String> ids = refs.stream().filter(s -> s.length() <= 128).limit(MAX_LOOKUPS).toList();
        Map<String, String> names = new HashMap<>();
        for (Org o : reference.orgs(ids)) {
            names.put(o.code(), o.name());
        }
        for (Party p : reference.parties(ids)) {
            names.put(p.id(), p.name());
        }
        names.entrySet().removeIf(e -> e.getValue() == null || e.getValue().isBlank() || e.getValue().equals(e.getKey()));
        return names;
    }

    /** Replaces the known codes in a text by their names: 张三（P-0018） in Chinese, 张三 in English. */
    String named(String text, Map<String, String> names, Locale locale) {
        if (text == null || names.isEmpty()) {
            return text;
        }
        Matcher m = IDENTIFIER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group());
            boolean alreadyNamed = name != null && m.start() > 0 && text.startsWith(name + "（", Math.max(0, m.start() - name.length() - 1));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null || alreadyNamed ? m.group() : named(m.group(), name, english(locale))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String named(String code, String name, boolean english) {
        return english ? name : name + "（" + code + "）";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(WarningView w) {
        return w.evidence() != null && w.evidence().get("facts") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Map<String, Object>> steps(WarningView w) {
        return w.grading() == null || w.grading().steps() == null ? List.of() : w.grading().steps();
    }

    private static void collect(Object value, Set<String> into) {
        if (value instanceof String s) {
            Matcher m = IDENTIFIER.matcher(s);
            if (m.matches()) {
                into.add(s);
            } else {
                while (m.find()) {
                    into.add(m.group());
                }
            }
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        }
    }

    /** The field of the domain named by the key, by itself or as a reference ({@code payee}: {@code payeeRef}). */
    private static Optional<FieldDescription> field(String domain, String key) {
        Optional<Domain> d = domain == null || key == null ? Optional.empty() : Domain.parse(domain);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        for (String name : List.of(key, key + "Ref", key + "Refs")) {
            Optional<FieldDescription> field = ContractSchemas.field(d.get(), name);
            if (field.isPresent()) {
                return field;
            }
        }
        return Optional.empty();
    }

    /** Codes whose Chinese label is the same in every field that declares them. */
    private static Map<String, String> unambiguousLabels() {
        Map<String, String> labels = new HashMap<>();
        Set<String> ambiguous = new LinkedHashSet<>();
        for (FieldDescription f : ContractSchemas.allFields()) {
            f.valueLabels().forEach((code, label) -> {
                String earlier = labels.putIfAbsent(code, label);
                if (earlier != null && !earlier.equals(label)) {
                    ambiguous.add(code);
                }
            });
        }
        ambiguous.forEach(labels::remove);
        return Map.copyOf(labels);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** "bidPeriodDays" and "EQUAL_STEPS" in words: "Bid period days", "Equal steps". */
    static String words(String key) {
        String spaced = key.contains("_") ? key.toLowerCase(Locale.ROOT).replace('_', ' ')
                : key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
