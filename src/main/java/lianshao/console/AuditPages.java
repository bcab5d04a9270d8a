package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import lianshao.security.Role;
import lianshao.warnings.AccessLog;

/** 查询留痕: who opened which warning, profile, record or export, for auditors and admins. */
@Controller
class AuditPages {

    private static final int LIMIT = 500;

    private final AccessLog accessLog;
    private final Me me;

    AuditPages(AccessLog accessLog, Me me) {
        this.accessLog = accessLog;
        this.me = me;
    }

    @GetMapping("/access-log")
    String accessLog(@RequestParam(required = false) String username, Model model, Authentication auth) {
        lianshao.security.CurrentUser user = me.withAnyRole(auth, Role.AUDITOR, Role.ADMIN);
        String who = username == null || username.isBlank() ? null : username.strip();
        model.addAttribute("username", who);
        model.addAttribute("entries", accessLog.latest(who, user.district(), LIMIT));
        model.addAttribute("limit", LIMIT);
        return "access-log";
    }
}
