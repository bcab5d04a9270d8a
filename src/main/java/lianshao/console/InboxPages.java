package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.notifications.Inbox;
import lianshao.security.CurrentUser;
import lianshao.web.ValidationFailed;

/** 通知 ({@code /inbox}): the signed-in person's own notifications, marking them read, and their e-mail settings. */
@Controller
class InboxPages {

    private static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final ConsoleText text;
    private final Me me;

    InboxPages(Inbox inbox, ConsoleText text, Me me) {
        this.inbox = inbox;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/inbox")
    String page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread, Model model,
            Authentication auth) {
        CurrentUser user = me.of(auth);
        Inbox.Page items = inbox.page(user, unread, Math.max(page, 0), PAGE_SIZE);
        long pages = Math.max(1, (items.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("inbox", items);
        model.addAttribute("pages", pages);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("english", ConsoleText.english());
        model.addAttribute("settings", inbox.settings(user));
        return "inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable String id, Authentication auth) {
        inbox.markRead(me.of(auth), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll(Authentication auth, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(me.of(auth));
        redirect.addFlashAttribute("message", text.text("inbox.marked", marked));
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/settings")
    String settings(@RequestParam(required = false) String email, @RequestParam(required = false) String mailMode,
            Authentication auth, RedirectAttributes redirect) {
        try {
            inbox.saveSettings(me.of(auth), email, mailMode);
            redirect.addFlashAttribute("message", text.text("inbox.settingsSaved"));
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("error", String.join("; ", e.errors().stream()
                    .map(f -> f.field() + ": " + ConsoleText.pick(f.message())).toList()));
        }
        return "redirect:/inbox";
    }
}
