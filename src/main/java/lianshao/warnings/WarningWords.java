package lianshao.warnings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import lianshao.reference.ReferenceQueries;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.DisplayFormat;

/**
 * The words people read for a warning's codes, in Chinese or English from messages*.properties: statuses,
 * actions, forms, domains and dismiss reasons by their labels, users by their registered name and title
 * (纪检员 王清, never the login name), and each entry of the audit trail as a sentence ("纪检员 王清 于
 * 2026-03-02 10:15 确认预警：第二种形态").
 */
@Component
public class WarningWords {

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");
    private static final java.util.regex.Pattern LATIN = java.util.regex.Pattern.compile("[A-Za-z]{2,}");

    private final MessageSource messages;
    private final Users users;
    private final DisplayFormat format;
    private final ReferenceQueries reference;

    WarningWords(MessageSource messages, Users users, DisplayFormat format, ReferenceQueries reference) {
        this.messages = messages;
        this.users = users;
        this.format = format;
        this.reference = reference;
    }

    /** One entry of the audit trail as people read it: who (by name), when (office time), the sentence, the comment. */
    /**
     * One entry of the audit trail; {@code sentenceHtml} is the sentence as safe HTML, where what a person typed
     * (a responsible person, a reason) carries its own {@code lang} when it is not in the reader's language.
     */
    public record HistoryLine(String actor, String at, String sentence, String comment, String action, String sentenceHtml) {
    }

    public String status(String code, Locale locale) {
        return label("status.", code, locale);
    }

    public String action(String code, Locale locale) {
        return label("action.", code, locale);
    }

    public String form(Integer form, Locale locale) {
        return form == null ? "" : label("form.", form.toString(), locale);
    }

    public String domain(String code, Locale locale) {
        return label("domain.", code, locale);
    }

    public String dismissReason(String code, Locale locale) {
        return label("dismiss.", code, locale);
    }

    /** A text of messages*.properties in the reader's language. */
    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }


    /** What a code reads as: its message, or the code itself when there is none (never a missing-key error). */
    private String label(String prefix, String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code, locale);
    }

    /**
     * The names of all users (and of the service itself) by login name, for a page or an export that shows many:
     * the registered name; a name that starts with the Chinese title of one of the user's roles gets the title in
     * the reader's language; a user without a registered name is shown by title and login name.
     */
    public Map<String, String> userNames(Locale locale) {
        Map<String, String> names = new HashMap<>();
        for (Users.Account account : users.all()) {
            names.put(account.username(), userName(account, locale));
        }
        names.put(Warnings.SYSTEM, messages.getMessage("words.system", null, locale));
        return names;
    }

    /** One user's name for readers of a language; the login name if there is no such user. */
    public String userName(String username, Locale locale) {
        return username == null ? "" : userNames(locale).getOrDefault(username, username);
    }

    private String userName(Users.Account account, Locale locale) {
        String name = account.displayName() == null ? "" : account.displayName().strip();
        if (name.isEmpty()) {
            Role role = account.roles().stream().sorted().findFirst().orElse(null);
            return role == null ? account.username() : label("role.", role.name(), locale) + " " + account.username();
        }
        for (Role role : account.roles()) {
            String chinese = messages.getMessage("role." + role.name(), null, role.name(), Locale.SIMPLIFIED_CHINESE);
            if (name.startsWith(chinese + " ")) {
                return label("role.", role.name(), locale) + name.substring(chinese.length());
            }
        }
        return name;
    }

    /** The audit trail as sentences, oldest first. */
    public List<HistoryLine> history(List<WarningView.Action> actions, Locale locale) {
        Map<String, String> names = userNames(locale);
        List<HistoryLine> lines = new ArrayList<>();
        for (WarningView.Action a : actions) {
            lines.add(line(a, names, locale));
        }
        return lines;
    }

    /** One entry as a sentence; {@code names} as from {@link #userNames(Locale)}. */
    public HistoryLine line(WarningView.Action a, Map<String, String> names, Locale locale) {
        String actor = names.getOrDefault(a.actor(), a.actor());
        String at = format.time(a.at());
        Map<String, Object> d = a.details() == null ? Map.of() : a.details();
        String proposal = text(d.get("approved"), d.get("rejected"), d.get("proposed"));
        Object[] args = {
            form(number(d.get("form")), locale),
            dismissReason(text(d.get("reason")), locale),
            names.getOrDefault(text(d.get("assignee")), text(d.get("assignee"))),
            names.getOrDefault(text(d.get("proposedBy")), text(d.get("proposedBy"))),
            text(d.get("revision")),
            form(number(d.get("fromForm")), locale),
            form(number(d.get("toForm")), locale),
            proposal.isEmpty() ? "" : action(proposal, locale),
            orgName(text(d.get("unitOrg"))),
            text(d.get("responsiblePerson")),
            text(d.get("workingDays")),
            d.get("dueAt") == null ? "" : format.time(OffsetDateTime.parse(text(d.get("dueAt")))),
            text(d.get("referralNo")),
            handoverTarget(text(d.get("target")), locale),
        };
        String what = messages.getMessage("history.what." + a.action(), args, null, locale);
        if (what == null) {
            what = action(a.action(), locale);
        }
        String change = "";
        if (a.toStatus() != null && !Objects.equals(a.fromStatus(), a.toStatus())) {
            change = a.fromStatus() == null
                    ? messages.getMessage("history.statusNow", new Object[] {status(a.toStatus(), locale)}, locale)
                    : messages.getMessage("history.statusChange",
                            new Object[] {status(a.fromStatus(), locale), status(a.toStatus(), locale)}, locale);
        }
        String plainWhat = what;
        what = what + change;
        String sentence = messages.getMessage("history.sentence", new Object[] {actor, at, what}, locale);
        String comment = Warnings.SYSTEM.equals(a.actor()) ? side(a.comment(), locale) : a.comment();
        return new HistoryLine(actor, at, sentence, comment, a.action(), sentenceHtml(a, args, actor, at, plainWhat, change, locale));
    }

    /** The sentence again, escaped, with the typed arguments (a reason, a responsible person) marked with their language. */
    private String sentenceHtml(WarningView.Action a, Object[] args, String actor, String at, String what, String change,
            Locale locale) {
        Object[] html = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            html[i] = args[i] instanceof String text ? HtmlUtils.htmlEscape(text, "UTF-8") : args[i];
        }
        html[1] = typed(String.valueOf(args[1]), locale);
        html[9] = typed(String.valueOf(args[9]), locale);
        String whatHtml = messages.getMessage("history.what." + a.action(), html, null, locale);
        String all = (whatHtml == null ? HtmlUtils.htmlEscape(what, "UTF-8") : whatHtml) + HtmlUtils.htmlEscape(change, "UTF-8");
        return messages.getMessage("history.sentence",
                new Object[] {HtmlUtils.htmlEscape(actor, "UTF-8"), HtmlUtils.htmlEscape(at, "UTF-8"), all}, locale);
    }

    private static String typed(String text, Locale locale) {
        String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        boolean chinese = HAN.matcher(text).find();
        if (english && chinese) {
            return "<span lang=\"zh\">" + escaped + "</span>";
        }
        return !english && !chinese && LATIN.matcher(text).find() ? "<span lang=\"en\">" + escaped + "</span>" : escaped;
    }

    private static String handoverTarget(String code, Locale locale) {
        for (HandoverTarget t : HandoverTarget.values()) {
            if (t.name().equals(code)) {
                return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? t.englishName() : t.chineseName();
            }
        }
        return code;
    }

    /** An organisation by its registered name, the code when it is not registered. */
    private String orgName(String code) {
        return code.isEmpty() ? "" : reference.org(code).map(o -> o.name()).orElse(code);
    }

    /**
     * The service writes its own comments as "中文 / English": the side of the reader's language (the whole text
     * when it has no such separator).
     */
    public static String side(String bilingual, Locale locale) {
        if (bilingual == null) {
            return null;
        }
        int cut = bilingual.indexOf(" / ");
        if (cut < 0) {
            return bilingual;
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english ? bilingual.substring(cut + 3) : bilingual.substring(0, cut);
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "";
    }
}
