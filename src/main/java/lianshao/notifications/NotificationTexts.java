package lianshao.notifications;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import lianshao.support.DisplayFormat;
import lianshao.warnings.WarningView;

/**
 * What a notification says, from messages.properties (Chinese) or messages_en.properties: the stored arguments are the
 * warning's title in Chinese and English and a deadline, so the text is rendered in the reader's language.
 */
@Component
class NotificationTexts {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;
    private final NotificationSettings settings;
    private final DisplayFormat format;

    NotificationTexts(MessageSource messages, NotificationSettings settings, DisplayFormat format) {
        this.messages = messages;
        this.settings = settings;
        this.format = format;
    }

    /** The arguments stored with a notification about the warning ({@code dueAt} UTC, or null). */
    List<String> args(WarningView warning, LocalDateTime dueAt) {
        String title = warning.title();
        String titleEn = warning.titleEn() == null || warning.titleEn().isBlank() ? title : warning.titleEn();
        return List.of(title, titleEn, dueAt == null ? "" : time(dueAt));
    }

    /** The text in the language: {0} the warning's title in that language, {1} the deadline,
     * {2} the working days of a due-soon reminder. */
    String text(Notifications.Stored n, Locale locale) {
        List<String> args = n.args();
        String title = args.get(ENGLISH.getLanguage().equals(locale.getLanguage()) ? 1 : 0);
        return messages.getMessage(n.textKey(), new Object[] {title, args.get(2), settings.dueSoonWorkingDays()}, n.textKey(), locale);
    }

    String kind(NotificationKind kind, Locale locale) {
        return messages.getMessage("notification.kind." + kind.name(), null, kind.name(), locale);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A UTC time as people read it: in the office's zone, to the minute. */
    String time(LocalDateTime utc) {
        return format.time(utc);
    }

    /** A link to the warning in the console, or empty when the console's address is not configured. */
    String link(String warningId) {
        String base = settings.consoleUrl();
        if (base == null || base.isBlank() || warningId == null) {
            return "";
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/warnings/" + warningId;
    }
}
