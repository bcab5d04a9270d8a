package lianshao.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.authoring.ReapplicationView;
import lianshao.authoring.Reapplications;
import lianshao.contract.Domain;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.support.Times;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.ValidationFailed;

/**
 * 对存量记录应用新规则集: the supervisor's form (period of the acts, domains) and the latest runs with their progress,
 * polled while one runs. Supervisors, rule authors and administrators see the page (the console's URL rules); only a
 * supervisor starts a run.
 */
@Controller
class ReapplicationPages {

    private final Reapplications reapplications;
    private final Me me;
    private final ConsoleText text;

    ReapplicationPages(Reapplications reapplications, Me me, ConsoleText text) {
        this.reapplications = reapplications;
        this.me = me;
        this.text = text;
    }

    @GetMapping("/reapplications")
    String page(Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        LocalDate today = Times.nowUtc().toLocalDate();
        model.addAttribute("runs", reapplications.latest(user, 20));
        model.addAttribute("mayStart", user.has(Role.SUPERVISOR));
        model.addAttribute("domains", Domain.values());
        model.addAttribute("today", today);
        model.addAttribute("monthAgo", today.minusMonths(1));
        model.addAttribute("maxDays", reapplications.settings().maxDays());
        return "reapplications";
    }

    @PostMapping("/reapplications")
    String start(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) List<String> domains,
            Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = me.of(auth);
        try {
            ReapplicationView view = reapplications.start(user, LocalDate.parse(from), LocalDate.parse(to), domains);
            redirect.addFlashAttribute("message", text.text("reapply.started", view.total()));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", text.text("backtest.badDates"));
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("error", String.join("; ", e.errors().stream().map(f -> ConsoleText.pick(f.message())).toList()));
        } catch (Conflict | Forbidden e) {
            redirect.addFlashAttribute("error", ConsoleText.pick(e.getMessage()));
        }
        return "redirect:/reapplications";
    }

    /** The progress of a run for the page's polling. */
    @GetMapping("/reapplications/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable String id, Authentication auth) {
        ReapplicationView view = reapplications.view(id, me.of(auth));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", view.status());
        body.put("statusText", text.text("backtest.status." + view.status()));
        body.put("done", view.done());
        body.put("total", view.total());
        body.put("failed", view.failed());
        body.put("raised", view.raised());
        return body;
    }
}
