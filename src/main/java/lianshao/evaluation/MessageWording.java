package lianshao.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import lianshao.contract.ContractSchemas;
import lianshao.contract.FieldDescription;
import lianshao.facts.Org;
import lianshao.facts.Party;

/**
 * Writes out the mentions of a rule's messages ({@link Mentions}) for readers: in Chinese a party or organisation
 * by its registered name with the code in parentheses (张三（P-0018）), an enumeration code by its Chinese label,
 * a field by its Chinese name; in English the name alone (张三), the value and the field in English words
 * (Inquiry), lists joined with commas. Names come from the reference data the record was judged with, labels from
 * the contract's field descriptions. What is not known stays as its code.
 */
final class MessageWording {

    private final Map<String, Party> parties = new HashMap<>();
    private final Map<String, Org> orgs = new HashMap<>();
    private final NameLookup lookup;

    /**
     * @param lookup where to find whom the context does not hold, for a warning, whose readers see persons by their
     *               registered names; {@code null} elsewhere (a backtest): persons pseudonymised, 张*, and only the
     *               context's parties named
     */
    MessageWording(Context context, NameLookup lookup) {
        context.parties().forEach(p -> parties.putIfAbsent(p.id(), p));
        context.orgs().forEach(o -> orgs.putIfAbsent(o.code(), o));
        this.lookup = lookup;
    }

    /** Writes out the mentions of a record's hits, looking up at once whom the context does not hold. */
    List<Hit> words(List<Hit> hits) {
        if (lookup != null) {
            Set<String> unknown = new TreeSet<>();
            hits.forEach(h -> texts(h).forEach(text -> Mentions.replaceMarks(text, (kind, code) -> {
                boolean named = kind.equals(Mentions.PARTY) || kind.equals(Mentions.ORG);
                if (named && !parties.containsKey(code) && !orgs.containsKey(code)) {
                    unknown.add(code);
                }
                return "";
            })));
            if (!unknown.isEmpty()) {
                lookup.parties().apply(unknown).forEach(p -> parties.putIfAbsent(p.id(), p));
                lookup.orgs().apply(unknown).forEach(o -> orgs.putIfAbsent(o.code(), o));
            }
        }
        return hits.stream().map(this::words).toList();
    }

    private static List<String> texts(Hit hit) {
        List<String> texts = new ArrayList<>();
        texts.add(hit.message());
        if (hit.messageEn() != null) {
            texts.add(hit.messageEn());
        }
        hit.escalations().forEach(e -> texts.add(e.reason()));
        texts.addAll(hit.crimeIndicators());
        hit.evidence().values().forEach(v -> {
            if (v instanceof String text) {
                texts.add(text);
            } else if (v instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(texts::add);
            }
        });
        return texts.stream().filter(t -> t != null && t.indexOf('⟦') >= 0).toList();
    }

    Hit words(Hit hit) {
        return new Hit(hit.ruleId(), chinese(hit.message()), english(hit.messageEn()), hit.subjects(), hit.counterparties(),
                evidence(hit.evidence()), hit.relatedRecords(),
                hit.escalations().stream().map(e -> new Hit.Escalation(e.form(), chinese(e.reason()))).toList(),
                hit.benefits(), hit.crimeIndicators().stream().map(this::chinese).toList());
    }

    /** A rule may mark a mention in a text it gives as evidence too (TEN-08's conflict); keys and other values stay. */
    private Map<String, Object> evidence(Map<String, Object> evidence) {
        if (evidence.values().stream().noneMatch(MessageWording::marked)) {
            return evidence;
        }
        Map<String, Object> worded = new LinkedHashMap<>();
        evidence.forEach((name, value) -> worded.put(name, !marked(value) ? value
                : value instanceof List<?> list ? list.stream().map(e -> e instanceof String text ? chinese(text) : e).toList()
                : chinese((String) value)));
        return Collections.unmodifiableMap(worded);
    }

    private static boolean marked(Object value) {
        return value instanceof String text ? text.indexOf('⟦') >= 0
                : value instanceof List<?> list && list.stream().anyMatch(MessageWording::marked);
    }

    String chinese(String text) {
        return render(text, Locale.CHINESE);
    }

    String english(String text) {
        String rendered = render(text, Locale.ENGLISH);
        return rendered == null ? null : rendered.replace(Mentions.EMPTY, "(not given)").replace("、", ", ");
    }

    private String render(String text, Locale locale) {
        if (text == null || text.indexOf('⟦') < 0) {
            return text;
        }
        return Mentions.replaceMarks(text, (kind, code) -> mention(kind, code, locale));
    }

    private String mention(String kind, String code, Locale locale) {
        return switch (kind) {
            case Mentions.PARTY -> named(code, partyName(code).or(() -> orgName(code)), locale);
            case Mentions.ORG -> named(code, orgName(code).or(() -> partyName(code)), locale);
            case Mentions.LABEL -> valueLabel(code, locale);
            case Mentions.FIELD -> field(code).map(f -> f.label(locale)).orElse(lastSegment(code));
            default -> code;
        };
    }

    private static String named(String code, Optional<String> name, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return name.filter(n -> !n.isBlank() && !n.equals(code)).map(n -> english ? n : n + "（" + code + "）").orElse(code);
    }

    private Optional<String> partyName(String ref) {
        Function<Party, String> name = lookup != null ? Party::name : Party::maskedName;
        return Optional.ofNullable(parties.get(ref)).map(name);
    }

    private Optional<String> orgName(String code) {
        return Optional.ofNullable(orgs.get(code)).map(Org::name);
    }

    /** {@code PROCUREMENT.method=INQUIRY}: 询价 in Chinese; the code where the contract gives no label. */
    private static String valueLabel(String mention, Locale locale) {
        int at = mention.indexOf('=');
        String code = mention.substring(at + 1);
        Optional<FieldDescription> field = field(mention.substring(0, at));
        if (field.isEmpty() || !field.get().enumValues().contains(code)) {
            return code;
        }
        String label = field.get().valueLabel(code, locale);
        return label == null ? code : label;
    }

    private static Optional<FieldDescription> field(String key) {
        return ContractSchemas.field(key);
    }

    private static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
