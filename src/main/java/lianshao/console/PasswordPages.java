package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.security.AccountChanges;
import lianshao.security.CurrentUser;

/**
 * 更改密码: a person replaces their own password, knowing the current one. Also the forced change after an
 * administrator set the password (security.MustChangePasswordFilter sends them here first).
 */
@Controller
class PasswordPages {

    private final AccountChanges changes;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final ConsoleText text;
    private final Me me;

    PasswordPages(AccountChanges changes, PasswordEncoder passwords, JdbcClient jdbc, ConsoleText text, Me me) {
        this.changes = changes;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/password")
    String page(Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        model.addAttribute("mustChange", changes.mustChangePassword(user.username()));
        model.addAttribute("minPassword", AdminPages.MIN_PASSWORD);
        return "password";
    }

    @PostMapping("/password")
    String change(@RequestParam String current, @RequestParam String password, @RequestParam String repeat, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = me.of(auth);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(user.username()).query(String.class).single();
        String problem = !passwords.matches(current, hash) ? text.text("password.wrongCurrent")
                : password.length() < AdminPages.MIN_PASSWORD || password.length() > 72
                        ? text.text("admin.users.badPassword", AdminPages.MIN_PASSWORD)
                : !password.equals(repeat) ? text.text("password.mismatch")
                : password.equals(current) ? text.text("password.same") : null;
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
            return "redirect:/password";
        }
        changes.changeOwnPassword(user, password);
        redirect.addFlashAttribute("message", text.text("password.done"));
        return "redirect:/password";
    }
}
