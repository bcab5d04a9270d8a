package lianshao.console;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.security.AccountChanges;
import lianshao.security.ApiKeys;
import lianshao.security.Binding;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.security.Scope;
import lianshao.security.Users;
import lianshao.web.NotFound;

/**
 * Users and the feeds' API keys, for administrators. A new key is shown once, right after it is made, and is
 * always bound (whole city, districts, organisations). An administrator of one district sees and manages the
 * people and keys of that district only, and binds new ones within it. Account changes that give decision power
 * are recorded as pending and take effect when a second administrator confirms them here ({@link AccountChanges}).
 */
@Controller
class AdminPages {

    static final int MIN_PASSWORD = 10;
    private static final int CHANGES_SHOWN = 200;

    private final Users users;
    private final ApiKeys keys;
    private final ConsoleQueries queries;
    private final ConsoleText text;
    private final Me me;
    private final AccountChanges changes;

    AdminPages(Users users, ApiKeys keys, ConsoleQueries queries, ConsoleText text, Me me, AccountChanges changes) {
        this.users = users;
        this.changes = changes;
        this.keys = keys;
        this.queries = queries;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/admin/users")
    String users(Model model, Authentication auth) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        model.addAttribute("accounts", users.all().stream().filter(a -> manages(admin, a)).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("districts", districtsOf(admin));
        model.addAttribute("minPassword", MIN_PASSWORD);
        model.addAttribute("changes", changes.latest(admin.district(), CHANGES_SHOWN));
        model.addAttribute("administrators", changes.enabledAdministrators(admin.district()));
        model.addAttribute("orgNames", orgNames(admin));
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String username, @RequestParam(required = false) String displayName,
            @RequestParam String password, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String district, @RequestParam(required = false) String orgs, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        List<String> problems = new ArrayList<>();
        String name = username.strip();
        if (!name.matches("[A-Za-z0-9._-]{3,64}")) {
            problems.add(text.text("admin.users.badName"));
        }
        if (password.length() < MIN_PASSWORD || password.length() > 72) {
            problems.add(text.text("admin.users.badPassword", MIN_PASSWORD));
        }
        Access access = access(admin, roles, district, orgs, problems);
        Set<Role> granted = access.roles();
        String scope = access.district();
        Set<String> bound = access.orgs();
        if (problems.isEmpty()) {
            var outcome = changes.create(admin, name, password, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    granted, scope, bound);
            if (outcome.isEmpty()) {
                problems.add(text.text("admin.users.taken", name));
            } else {
                redirect.addFlashAttribute("message", text.text(outcome.get() == AccountChanges.Status.PENDING
                        ? "admin.users.createPending" : "admin.users.createdDone", name));
            }
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("; ", problems));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Authentication auth, RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        Users.Account account = managed(admin, username);
        if (admin.username().equals(username) && !enabled) {
            redirect.addFlashAttribute("error", text.text("admin.users.notSelf"));
            return "redirect:/admin/users";
        }
        AccountChanges.Status outcome = changes.setEnabled(admin, account, enabled);
        redirect.addFlashAttribute("message", text.text(outcome == AccountChanges.Status.PENDING ? "admin.users.enablePending"
                : enabled ? "admin.users.enabledDone" : "admin.users.disabledDone", username));
        return "redirect:/admin/users";
    }

    /** An administrator sets another person's password: pending a second administrator; the owner must then change it. */
    @PostMapping("/admin/users/{username}/password")
    String setPassword(@PathVariable String username, @RequestParam String password, Authentication auth, RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        Users.Account account = managed(admin, username);
        if (admin.username().equals(username)) {
            redirect.addFlashAttribute("error", text.text("admin.users.ownPassword"));
        } else if (password.length() < MIN_PASSWORD || password.length() > 72) {
            redirect.addFlashAttribute("error", text.text("admin.users.badPassword", MIN_PASSWORD));
        } else {
            changes.setPassword(admin, account, password);
            redirect.addFlashAttribute("message", text.text("admin.users.passwordPending", username));
        }
        return "redirect:/admin/users";
    }

    /** New roles and scope of an account: removing roles applies at once, the rest waits for a second administrator. */
    @PostMapping("/admin/users/{username}/roles")
    String changeRoles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String district, @RequestParam(required = false) String orgs, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        Users.Account account = managed(admin, username);
        List<String> problems = new ArrayList<>();
        Access access = access(admin, roles, district, orgs, problems);
        Set<Role> granted = access.roles();
        String scope = access.district();
        Set<String> bound = access.orgs();
        if (admin.username().equals(username)) {
            problems.add(text.text("admin.users.notSelfRoles"));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("; ", problems));
            return "redirect:/admin/users";
        }
        var outcome = changes.change(admin, account, granted, scope, bound);
        redirect.addFlashAttribute("message", text.text(outcome.isEmpty() ? "admin.users.unchanged"
                : outcome.get() == AccountChanges.Status.PENDING ? "admin.users.rolesPending" : "admin.users.rolesDone", username));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/account-changes/{id}/confirm")
    String confirm(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        AccountChanges.Change change = changes.confirm(admin, id);
        redirect.addFlashAttribute("message", text.text("admin.changes.confirmed", change.username()));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/account-changes/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(required = false) String reason, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            redirect.addFlashAttribute("error", text.text("admin.changes.reasonRequired"));
            return "redirect:/admin/users";
        }
        AccountChanges.Change change = changes.reject(admin, id, reason.strip());
        redirect.addFlashAttribute("message", text.text("admin.changes.rejected", change.username()));
        return "redirect:/admin/users";
    }

    private Users.Account managed(CurrentUser admin, String username) {
        return users.all().stream().filter(a -> a.username().equals(username) && manages(admin, a)).findFirst()
                .orElseThrow(() -> new NotFound("用户不存在：" + username + " / no user " + username));
    }

    /** The names of the orgs an administrator's accounts and keys may be bound to, by code. */
    private java.util.Map<String, String> orgNames(CurrentUser admin) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        queries.orgs(admin.district()).forEach(o -> names.put(o.code(), o.name()));
        return names;
    }

    @GetMapping("/admin/api-keys")
    String apiKeys(Model model, Authentication auth) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        model.addAttribute("keys", keys.all().stream().filter(k -> manages(admin, k)).toList());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("districts", districtsOf(admin));
        model.addAttribute("orgNames", orgNames(admin));
        return "admin-keys";
    }

    @PostMapping("/admin/api-keys")
    String createKey(@RequestParam String source, @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) String label, @RequestParam(defaultValue = "false") boolean wholeCity,
            @RequestParam(required = false) List<String> districts, @RequestParam(required = false) String orgs,
            Authentication auth, RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        String feed = source.strip();
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        boolean valid = feed.matches("[A-Za-z0-9._-]{1,128}") && (label == null || label.length() <= 256);
        for (String s : scopes == null ? List.<String>of() : scopes) {
            try {
                granted.add(Scope.valueOf(s));
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid || granted.isEmpty()) {
            redirect.addFlashAttribute("error", text.text("admin.keys.invalid"));
            return "redirect:/admin/api-keys";
        }
        // a new key is always bound: the whole city only when chosen, else districts and organisations that exist
        Set<String> boundDistricts = new java.util.TreeSet<>(districts == null ? List.of() : districts);
        Set<String> boundOrgs = Binding.list(orgs);
        // a district's administrator binds keys within that district only
        if (!districtsOf(admin).containsAll(boundDistricts) || !unregistered(boundOrgs, admin).isEmpty()
                || (wholeCity && !admin.wholeCity()) || (!wholeCity && boundDistricts.isEmpty() && boundOrgs.isEmpty())) {
            redirect.addFlashAttribute("error", text.text("admin.keys.noBinding"));
            return "redirect:/admin/api-keys";
        }
        Binding binding = wholeCity ? Binding.CITY : Binding.of(boundDistricts, boundOrgs);
        String key = keys.create(feed, granted, binding, label == null || label.isBlank() ? null : label.strip());
        redirect.addFlashAttribute("newKey", key);
        redirect.addFlashAttribute("message", text.text("admin.keys.created", feed));
        return "redirect:/admin/api-keys";
    }

    /** The codes that are not organisations the administrator may bind (registered, and of their district if they have one). */
    private Set<String> unregistered(Set<String> orgCodes, CurrentUser admin) {
        Set<String> known = new java.util.HashSet<>();
        queries.orgs(admin.district()).forEach(o -> known.add(o.code()));
        Set<String> unknown = new java.util.TreeSet<>(orgCodes);
        unknown.removeAll(known);
        return unknown;
    }

    private List<String> districtsOf(CurrentUser admin) {
        return admin.wholeCity() ? queries.districts() : List.of(admin.district());
    }

    /** A district's administrator manages the people of that district. */
    private static boolean manages(CurrentUser admin, Users.Account account) {
        return admin.wholeCity() || admin.district().equals(account.scopeDistrict());
    }

    /** A district's administrator manages the keys bound within that district. */
    private boolean manages(CurrentUser admin, ApiKeys.KeyInfo key) {
        if (admin.wholeCity()) {
            return true;
        }
        Binding b = key.binding();
        Set<String> mine = new java.util.HashSet<>();
        queries.orgs(admin.district()).forEach(o -> mine.add(o.code()));
        return !b.wholeCity() && !key.legacyBinding() && Set.of(admin.district()).containsAll(b.districts()) && mine.containsAll(b.orgs())
                && !(b.districts().isEmpty() && b.orgs().isEmpty());
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
        CurrentUser admin = me.withAnyRole(auth, Role.ADMIN);
        if (keys.all().stream().noneMatch(k -> k.id().equals(id) && manages(admin, k)) || !keys.revoke(id)) {
            throw new NotFound("密钥不存在或已吊销：" + id + " / no active key " + id);
        }
        redirect.addFlashAttribute("message", text.text("admin.keys.revoked"));
        return "redirect:/admin/api-keys";
    }

    /** The roles, district and organisations an administrator gives a person, as read from the form. */
    private record Access(Set<Role> roles, String district, Set<String> orgs) {
    }

    /**
     * Reads the roles, district and organisations of the form, adding what is wrong to {@code problems}: unknown
     * roles, no role, a district that does not exist or lies outside the administrator's own, unregistered
     * organisations, and roles that may not be held together.
     */
    private Access access(CurrentUser admin, List<String> roles, String district, String orgs, List<String> problems) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String r : roles == null ? List.<String>of() : roles) {
            try {
                granted.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                problems.add(r);
            }
        }
        if (granted.isEmpty()) {
            problems.add(text.text("admin.users.noRole"));
        }
        String scope = district == null || district.isBlank() ? null : district.strip();
        if ((scope != null && !queries.districts().contains(scope)) || !admin.wholeCity() && !admin.district().equals(scope)) {
            // a district's administrator gives people that district only
            problems.add(text.text("admin.users.badDistrict"));
        }
        Set<String> bound = Binding.list(orgs);
        Set<String> unknown = unregistered(bound, admin);
        if (!unknown.isEmpty()) {
            problems.add(text.text("admin.users.badOrg", String.join(", ", unknown)));
        }
        AccountChanges.roleConflict(granted).ifPresent(problems::add);
        AccountChanges.unitBinding(granted, bound).ifPresent(problems::add);
        return new Access(granted, scope, bound);
    }
}
