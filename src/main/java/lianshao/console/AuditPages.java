package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import lianshao.security.Role;
import lianshao.warnings.AccessLog;

/** 查询留痕: who opened which warning, profile, record or export, and every account change, for auditors and admins. */
@Controller
class AuditPages {

    private static final int LIMIT = 500;

    private final AccessLog accessLog;
    private final Me me;
    private final lianshao.security.AccountChanges accountChanges;

    AuditPages(AccessLog accessLog, Me me, lianshao.security.AccountChanges accountChanges) {
        this.accountChanges = accountChanges;
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
        // account changes (who changed whose account, confirmed or rejected by whom): the auditor's view of the administrators
        model.addAttribute("changes", accountChanges.latest(user.district(), LIMIT));
        return "access-log";
    }
}
