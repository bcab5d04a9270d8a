package lianshao.console;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import lianshao.contract.ContractSchemas;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
import lianshao.warnings.WarningWords;

/**
 * {@link DisplayFormat} for templates, as {@code ${@fmt.time(...)}}, {@code ${@fmt.money(...)}}: times in the
 * office's zone to the minute, amounts in yuan, totals in 万元 in the request's language.
 */
@Component("fmt")
class ConsoleFormat {

    /** Party ids and org codes as the feeds send them: P-0018, SCH-0101, EDU-NS, ORG-SUP-09. */
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![\\w-])");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** A value of the contract as a rule's English wording quotes it: TRANSFER, IN_LAW, COMPETITIVE_NEGOTIATION. */
    private static final Pattern CONTRACT_VALUE = Pattern.compile("(?<![\\w-])[A-Z][A-Z_]{2,}(?![\\w-])");
    /** Every enumeration value of the contract with its words ("IN_LAW": "in law"), for the English wordings. */
    private static final Map<String, String> CONTRACT_WORDS = contractWords();
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    private final DisplayFormat format;
    private final ReferenceQueries reference;
    private final WarningWords words;

    ConsoleFormat(DisplayFormat format, ReferenceQueries reference, WarningWords words) {
        this.format = format;
        this.reference = reference;
        this.words = words;
    }

    /** A user's name for the page's readers (the login name only for an unknown user). */
    public String user(String username) {
        return username == null ? "" : words.userName(username, ConsoleText.locale());
    }

    /** The side of a service's "中文 / English" text in the page's language. */
    public String pick(String bilingual) {
        return bilingual == null ? null : ConsoleText.pick(bilingual);
    }

    /**
     * A text of the service (a warning's explanation, a grading step) as safe HTML for {@code th:utext}, with the ids
     * of parties and orgs it names in small print: "丁天佑（P-0020）" becomes the name with the code beside it, and a
     * bare code (the English wording names no one) gets the name in front of it; the English wordings' contract codes
     * (TRANSFER, IN_LAW) are put in words.
     */
    public String namedCodes(String original) {
        if (original == null) {
            return "";
        }
        String text = inWords(original);
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        Map<String, String> names = new HashMap<>();
        if (!found.isEmpty()) {
            reference.parties(found).forEach((Party p) -> names.put(p.id(), p.name()));
            reference.orgs(found).forEach((Org o) -> names.put(o.code(), o.name()));
        }
        StringBuilder html = new StringBuilder();
        int at = 0;
        m = CODE.matcher(text);
        while (m.find()) {
            String name = names.get(m.group());
            if (name == null) {
                continue;
            }
            boolean bracketed = m.start() > 0 && text.charAt(m.start() - 1) == '（' && m.end() < text.length() && text.charAt(m.end()) == '）';
            int from = bracketed ? m.start() - 1 : m.start();
            html.append(HtmlUtils.htmlEscape(text.substring(at, from), "UTF-8"));
            if (!bracketed) {
                html.append(HtmlUtils.htmlEscape(name, "UTF-8"));
            }
            html.append("<small class=\"code\">").append(HtmlUtils.htmlEscape(m.group(), "UTF-8")).append("</small>");
            at = bracketed ? m.end() + 1 : m.end();
        }
        return html.append(HtmlUtils.htmlEscape(text.substring(at), "UTF-8")).toString();
    }

    private static Map<String, String> contractWords() {
        Map<String, String> words = new HashMap<>();
        ContractSchemas.allFields().stream().flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f), f.itemFields().stream()))
                .forEach(f -> f.enumValues().forEach(v -> words.putIfAbsent(v, f.valueLabel(v, java.util.Locale.ENGLISH)
                        .toLowerCase(java.util.Locale.ROOT))));
        return Map.copyOf(words);
    }

    /** An English wording with the contract's codes it quotes in words (the Chinese wordings use the labels already). */
    private static String inWords(String text) {
        if (!ConsoleText.english()) {
            return text;
        }
        return CONTRACT_VALUE.matcher(text).replaceAll(r -> Matcher.quoteReplacement(CONTRACT_WORDS.getOrDefault(r.group(), r.group())));
    }

    /**
     * The {@code lang} of a text written by people or feeds when it is not in the page's language (a Chinese
     * comment on an English page, an English one on a Chinese page), for {@code th:lang}; null when it is.
     */
    public String langOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        boolean english = ConsoleText.english();
        if (english) {
            return HAN.matcher(text).find() ? "zh" : null;
        }
        return !HAN.matcher(text).find() && LATIN.matcher(text).find() ? "en" : null;
    }

    /** The lang of a name list or other data always written in Chinese (department names): "zh" on an English page. */
    public String zh() {
        return ConsoleText.english() ? "zh" : null;
    }

    /** The separator of a list in the page's language. */
    public String listSeparator() {
        return ConsoleText.english() ? ", " : "、";
    }

    public String time(OffsetDateTime time) {
        return format.time(time);
    }

    /** A stored (UTC) time. */
    public String time(LocalDateTime utc) {
        return format.time(utc);
    }

    public String day(OffsetDateTime time) {
        return format.day(time);
    }

    public String day(LocalDateTime utc) {
        return format.day(utc);
    }

    /** The half of a service's "中文 / English" text in the request's language. */
    public String one(String bilingual) {
        return ConsoleText.pick(bilingual);
    }

    public String money(BigDecimal yuan) {
        return format.money(yuan);
    }

    public String wan(BigDecimal yuan) {
        return format.wan(yuan, ConsoleText.locale());
    }
}
