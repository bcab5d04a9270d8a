package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import lianshao.notifications.Inbox;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;

/** The unread count of the header's inbox link on every console page; null (no link) for those without an inbox. */
@ControllerAdvice(basePackageClasses = InboxBadge.class)
class InboxBadge {

    private final CurrentUsers users;
    private final Inbox inbox;

    InboxBadge(CurrentUsers users, Inbox inbox) {
        this.users = users;
        this.inbox = inbox;
    }

    @ModelAttribute("inboxUnread")
    Long inboxUnread(Authentication auth) {
        CurrentUser user = users.of(auth).orElse(null);
        return Inbox.holds(user) ? inbox.unread(user) : null;
    }
}
