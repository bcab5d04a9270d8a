package lianshao.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lianshao.contract.FieldError;
import lianshao.security.CurrentUser;
import lianshao.support.Times;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * A person's own inbox, for the API and the console: their notifications, newest first, the unread count,
 * marking read, and their e-mail settings. Nobody reads or marks anyone else's: another person's notification
 * answers as if it did not exist; so does one about a warning that has left the reader's data scope.
 */
@Service
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Notifications notifications;
    private final NotificationTexts texts;
    private final Mails mails;
    private final Clock clock;

    Inbox(Notifications notifications, NotificationTexts texts, Mails mails, Clock clock) {
        this.notifications = notifications;
        this.texts = texts;
        this.mails = mails;
        this.clock = clock;
    }

    /** One notification as its reader sees it: the text in Chinese and English, times with their offset. */
    public record Item(String id, String kind, String kindLabel, String kindLabelEn, String warningId, String text, String textEn,
            OffsetDateTime createdAt, OffsetDateTime readAt) {

        public boolean read() {
            return readAt != null;
        }
    }

    public record Page(List<Item> items, int page, int size, long total, long unread) {
    }

    /** A person's e-mail settings; {@code mailAvailable}: whether the service has an SMTP server to send with. */
    public record Settings(String email, String mailMode, boolean mailAvailable) {
    }

    /** Whether the person has an inbox at all (importers have none). */
    public static boolean holds(CurrentUser user) {
        return user != null && Recipients.hasInbox(user);
    }

    public Page page(CurrentUser user, boolean unreadOnly, int page, int size) {
        check(user);
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "不能为负数 / must not be negative"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "应为 1–" + MAX_PAGE_SIZE + " / must be 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<Item> items = notifications.page(user, unreadOnly, page, size).stream().map(this::item).toList();
        return new Page(items, page, size, notifications.count(user, unreadOnly),
                notifications.count(user, true));
    }

    public long unread(CurrentUser user) {
        check(user);
        return notifications.count(user, true);
    }

    @Transactional
    public Item markRead(CurrentUser user, String id) {
        check(user);
        if (!notifications.markRead(user, id, Times.nowUtc(clock))) {
            throw new NotFound("通知不存在：" + id + " / no notification " + id);
        }
        return notifications.find(user, id).map(this::item).orElseThrow();
    }

    @Transactional
    public int markAllRead(CurrentUser user) {
        check(user);
        return notifications.markAllRead(user, Times.nowUtc(clock));
    }

    public Settings settings(CurrentUser user) {
        check(user);
        Notifications.MailSettings s = notifications.mailSettings(user.username());
        return new Settings(s.email(), s.mode().name(), mails.enabled());
    }

    /** Stores the person's e-mail address and mail mode; 400 naming the field when either is not acceptable. */
    @Transactional
    public Settings saveSettings(CurrentUser user, String email, String mailMode) {
        check(user);
        List<FieldError> errors = new ArrayList<>();
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 256 || !EMAIL.matcher(address).matches())) {
            errors.add(new FieldError("email", "不是有效的电子邮件地址 / not a valid e-mail address"));
        }
        MailMode mode = null;
        try {
            mode = MailMode.valueOf(mailMode == null ? "" : mailMode);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("mailMode", "取值必须是以下之一 / must be one of: " + List.of(MailMode.values())));
        }
        if (mode != null && mode != MailMode.NONE && address == null && errors.isEmpty()) {
            errors.add(new FieldError("email", "按邮件接收通知须填写电子邮件地址 / an e-mail address is required to receive mail"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        notifications.saveMailSettings(user.username(), new Notifications.MailSettings(address, mode));
        return settings(user);
    }

    private Item item(Notifications.Stored n) {
        return new Item(n.id(), n.kind().name(), texts.kind(n.kind(), NotificationTexts.CHINESE),
                texts.kind(n.kind(), NotificationTexts.ENGLISH), n.warningId(), texts.text(n, NotificationTexts.CHINESE),
                texts.text(n, NotificationTexts.ENGLISH), Times.offset(n.createdAt()), Times.offset(n.readAt()));
    }

    private static void check(CurrentUser user) {
        if (!holds(user)) {
            throw new Forbidden("当前角色没有通知收件箱 / your role has no inbox");
        }
    }
}
