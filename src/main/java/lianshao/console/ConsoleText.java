package lianshao.console;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import lianshao.support.OneLanguage;

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

    /** The half of a service's "中文 / English" text in the request's language ({@link OneLanguage}). */
    static String pick(String bilingual) {
        return bilingual == null ? "" : OneLanguage.pick(bilingual, locale());
    }
}
