package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.warnings.Supervision;

/**
 * 督办 ({@code /supervision}): the supervisor's lists of the loop (proposals to decide, handovers awaiting approval,
 * returned, overdue and rising items), and "取下一条" on the queue, which gives an inspector the most urgent
 * unassigned warning of their scope, as {@code POST /api/v1/warnings/next} does.
 */
@Controller
class SupervisionPages {

    private final Supervision supervision;
    private final ConsoleText text;
    private final Me me;

    SupervisionPages(Supervision supervision, ConsoleText text, Me me) {
        this.supervision = supervision;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/supervision")
    String lists(Model model, Authentication auth) {
        CurrentUser user = me.withAnyRole(auth, Role.SUPERVISOR);
        model.addAttribute("lists", supervision.lists(user));
        return "supervision";
    }

    @PostMapping("/warnings/next")
    String next(Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = me.withAnyRole(auth, Role.INSPECTOR, Role.SUPERVISOR);
        return supervision.takeNext(user).map(w -> {
            redirect.addFlashAttribute("message", text.text("next.taken"));
            return "redirect:/warnings/" + w.id();
        }).orElseGet(() -> {
            redirect.addFlashAttribute("message", text.text("next.none"));
            return "redirect:/warnings";
        });
    }
}
