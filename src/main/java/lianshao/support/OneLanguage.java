package lianshao.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Error texts are written once, Chinese then English, as "中文 / English"; people read one half, in their language.
 * The halves meet at the " / " that follows Chinese text and is followed by Latin text, preferring the one after
 * which no Chinese follows (an English half may still name a Chinese organisation). Several such texts joined by
 * "; " are each cut. A text without such a separator is shown whole.
 */
public final class OneLanguage {

    /** The cookie that keeps the language chosen in the console. */
    public static final String CONSOLE_COOKIE = "lianshao-lang";

    private static final String SEPARATOR = " / ";
    private static final String JOIN = "; ";

    private OneLanguage() {
    }

    /** The half of a "中文 / English" text for the locale: English for English, Chinese otherwise. */
    public static String pick(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        boolean english = isEnglish(locale);
        List<String> parts = List.of(text.split(JOIN, -1));
        if (parts.size() > 1 && parts.stream().allMatch(p -> cut(p) >= 0)) {
            List<String> picked = new ArrayList<>();
            parts.forEach(p -> picked.add(half(p, cut(p), english)));
            return String.join(JOIN, picked);
        }
        return half(text, cut(text), english);
    }

    /**
     * The language a request is answered in: for the API ({@code /api/...}) the one its {@code Accept-Language}
     * asks for, for the console the one chosen there; Chinese by default.
     */
    public static Locale of(HttpServletRequest request) {
        if (request == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        String path = request.getRequestURI();
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            return ofApiRequest(request);
        }
        LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
        if (resolver != null) {
            return isEnglish(resolver.resolveLocale(request)) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        // before the dispatcher (security filters): the console's cookie
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (CONSOLE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                        && cookie.getValue().toLowerCase(Locale.ROOT).startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * The language of an API request: the first of Chinese and English its {@code Accept-Language} header accepts;
     * Chinese when it names neither, is missing or cannot be read.
     */
    public static Locale ofApiRequest(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-", 2)[0];
                if (range.getWeight() > 0 && "en".equals(language)) {
                    return Locale.ENGLISH;
                }
                if (range.getWeight() > 0 && "zh".equals(language)) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header that cannot be read asks for nothing: the default language
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String half(String text, int cut, boolean english) {
        if (cut < 0) {
            return text;
        }
        return english ? text.substring(cut + SEPARATOR.length()).strip() : text.substring(0, cut).strip();
    }

    /** Where the Chinese half ends, or -1. */
    private static int cut(String text) {
        int best = -1;
        long fewest = Long.MAX_VALUE;
        for (int at = text.indexOf(SEPARATOR); at >= 0; at = text.indexOf(SEPARATOR, at + 1)) {
            String after = text.substring(at + SEPARATOR.length());
            if (!hasChinese(text.substring(0, at)) || after.isEmpty() || !startsLatin(after)) {
                continue;
            }
            long chinese = after.codePoints().filter(OneLanguage::isChinese).count();
            if (chinese < fewest) {
                best = at;
                fewest = chinese;
            }
        }
        return best;
    }

    private static boolean startsLatin(String text) {
        int c = text.codePointAt(0);
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '"' || c == '\'' || c == '(' || c == '{');
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(OneLanguage::isChinese);
    }

    private static boolean isChinese(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN;
    }
}
