package lianshao.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import lianshao.facts.Org;
import lianshao.reference.ReferenceQueries;
import lianshao.security.Role;
import lianshao.warnings.AccessLog;
import lianshao.warnings.WarningWords;

/**
 * 查询留痕: who (by name) opened which warning, profile (by the name of its party or organisation), record or export,
 * when (office time) and through which channel, and every account change, for auditors and admins.
 */
@Controller
class AuditPages {

    private static final int LIMIT = 500;
    private static final String ORG_PROFILE = "org:";

    private final AccessLog accessLog;
    private final Me me;
    private final lianshao.security.AccountChanges accountChanges;
    private final WarningWords words;
    private final PartyNames parties;
    private final ReferenceQueries reference;

    AuditPages(AccessLog accessLog, Me me, lianshao.security.AccountChanges accountChanges, WarningWords words,
            PartyNames parties, ReferenceQueries reference) {
        this.accountChanges = accountChanges;
        this.accessLog = accessLog;
        this.me = me;
        this.words = words;
        this.parties = parties;
        this.reference = reference;
    }

    @GetMapping("/access-log")
    String accessLog(@RequestParam(required = false) String username, Model model, Authentication auth) {
        lianshao.security.CurrentUser user = me.withAnyRole(auth, Role.AUDITOR, Role.ADMIN);
        String who = username == null || username.isBlank() ? null : username.strip();
        List<AccessLog.Entry> entries = accessLog.latest(who, user.district(), LIMIT);
        model.addAttribute("username", who);
        model.addAttribute("entries", entries);
        model.addAttribute("userNames", words.userNames(ConsoleText.locale()));
        model.addAttribute("targetNames", profileNames(entries));
        model.addAttribute("limit", LIMIT);
        // account changes (who changed whose account, confirmed or rejected by whom): the auditor's view of the administrators
        model.addAttribute("changes", accountChanges.latest(user.district(), LIMIT));
        return "access-log";
    }

    /** The names of the profiles opened: a party's profile by the party's name, an organisation's by its name. */
    private Map<String, String> profileNames(List<AccessLog.Entry> entries) {
        List<String> profiles = entries.stream().filter(e -> "PROFILE".equals(e.kind())).map(AccessLog.Entry::target)
                .distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> orgCodes = profiles.stream().filter(t -> t.startsWith(ORG_PROFILE)).map(t -> t.substring(ORG_PROFILE.length()))
                .toList();
        for (Org org : reference.orgs(orgCodes)) {
            names.put(ORG_PROFILE + org.code(), org.name());
        }
        parties.full(profiles.stream().filter(t -> !t.startsWith(ORG_PROFILE)).toList()).stream()
                .filter(p -> !p.name().equals(p.ref())).forEach(p -> names.put(p.ref(), p.name()));
        return names;
    }
}
