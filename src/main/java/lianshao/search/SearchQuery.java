package lianshao.search;

import java.util.Locale;
import java.util.regex.Pattern;

import lianshao.web.ValidationFailed;

/**
 * What a search looks for. An 18-character ID number (checked) is searched by its hash only, and nothing of it but the
 * hash's first characters is ever shown or logged. Any other text is matched exactly as a warning number (the id, its
 * short form — the last 8 characters — or a referral letter's number), a record number (the id or the source's own
 * number), an organisation code or a party id; and, from 2 characters on, as part of a name or title (case-insensitive,
 * with LIKE's wildcards taken literally).
 */
record SearchQuery(String text, String identityHash, SearchGroup only) {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 100;
    private static final Pattern SHORT_WARNING_NUMBER = Pattern.compile("[0-9a-fA-F]{8}");

    static SearchQuery parse(String q, String kind) {
        String text = q == null ? "" : q.strip();
        SearchGroup only = SearchGroup.of(kind);
        if (kind != null && !kind.isBlank() && only == null) {
            throw ValidationFailed.of("kind", "检索类别应为 parties、orgs、warnings 或 records / kind must be parties, orgs, warnings or records");
        }
        if (text.codePointCount(0, text.length()) < MIN_LENGTH) {
            throw ValidationFailed.of("q", "检索内容至少 2 个字符 / the query needs at least 2 characters");
        }
        if (text.length() > MAX_LENGTH) {
            throw ValidationFailed.of("q", "检索内容至多 100 个字符 / the query has at most 100 characters");
        }
        if (IdNumbers.looksLikeOne(text)) {
            if (!IdNumbers.valid(text)) {
                throw ValidationFailed.of("q", "身份证号码校验位不正确 / the ID number's check character does not match");
            }
            return new SearchQuery(null, IdNumbers.hash(text), only);
        }
        return new SearchQuery(text, null, only);
    }

    boolean byIdNumber() {
        return identityHash != null;
    }

    boolean wants(SearchGroup group) {
        return only == null || only == group;
    }

    /** The short form of a warning number (its last 8 characters), lower-case, or null when the text is not one. */
    String shortWarningNumber() {
        return text != null && SHORT_WARNING_NUMBER.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
    }

    /** The text as a LIKE pattern matching it anywhere, lower-case, its wildcards and the escape character escaped by '!'. */
    String containsPattern() {
        return "%" + escaped(text.toLowerCase(Locale.ROOT)) + "%";
    }

    static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The query as the access log keeps it: an ID number only as its hash's first characters. */
    String logged() {
        String shown = byIdNumber() ? "身份证号 sha256:" + IdNumbers.hashPrefix(identityHash) + "…" : text;
        return only == null ? shown : shown + " [" + only.name().toLowerCase(Locale.ROOT) + "]";
    }

    /** The first characters of the ID number's hash, or null when the search was by text. */
    String hashPrefix() {
        return byIdNumber() ? IdNumbers.hashPrefix(identityHash) : null;
    }
}
