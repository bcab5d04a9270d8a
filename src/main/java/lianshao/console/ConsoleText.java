package lianshao.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Display text of the console from messages*.properties, in the request's language. */
@Component
class ConsoleText {

    private final MessageSource messages;

    ConsoleText(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    static boolean english() {
        return "en".equals(locale().getLanguage());
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /**
     * The services answer in both languages as "中文 / English"; the console shows the side of the
     * request's language (the whole text when it has no such separator).
     */
    static String pick(String bilingual) {
        if (bilingual == null) {
            return "";
        }
        int cut = bilingual.indexOf(" / ");
        if (cut < 0) {
            return bilingual;
        }
        return english() ? bilingual.substring(cut + 3) : bilingual.substring(0, cut);
    }
}
