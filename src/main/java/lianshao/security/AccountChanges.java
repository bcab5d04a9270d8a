package lianshao.security;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lianshao.support.Ids;
import lianshao.support.Times;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;

/**
 * Account changes under separation of duties (三员分立). A change that gives a person decision power — a new
 * account with a role other than IMPORTER or AUDITOR, re-enabling an account, an administrator setting an
 * existing account's password, adding a role or changing a person's district or organisations — is only recorded as pending (待确认) by the administrator who makes it; it
 * takes effect when a second administrator confirms it, and may be rejected with a reason. The maker never
 * confirms their own change, and nobody confirms a change of their own account. An auditor reads these
 * changes but does not confirm them: the auditor checks the administrators and takes no part in what they do.
 * Changes that reduce power (disabling an account, removing a role) apply at once. Every change is a row of
 * {@code account_change} (who, when, what, before → after), the audit the auditors read.
 * <p>
 * An account may not hold ADMIN together with a role that decides warnings or rule sets (INSPECTOR,
 * SUPERVISOR, RULE_AUTHOR): whoever manages accounts is not also one of the two people whose names four
 * eyes compare.
 */
@Service
public class AccountChanges {

    /** Roles a new account may get from one administrator alone: they decide nothing. */
    public static final Set<Role> WITHOUT_DECISION_POWER = EnumSet.of(Role.IMPORTER, Role.AUDITOR);
    /** Roles an administrator's account may not hold as well. */
    public static final Set<Role> DECIDING = EnumSet.of(Role.INSPECTOR, Role.SUPERVISOR, Role.RULE_AUTHOR);

    public enum Kind { CREATE, ENABLE, DISABLE, SET_PASSWORD, OWN_PASSWORD, ROLES_AND_SCOPE }

    public enum Status { PENDING, APPLIED, REJECTED }

    /** One change as the pages list it (never the password hash). */
    public record Change(String id, String username, Kind kind, Status status, String before, String after, String madeBy,
            LocalDateTime madeAt, String decidedBy, LocalDateTime decidedAt, String reason, String district) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Users users;

    AccountChanges(JdbcClient jdbc, PasswordEncoder passwords, Users users) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.users = users;
    }

    /** Why these roles may not be held together, or empty. */
    public static Optional<String> roleConflict(Set<Role> roles) {
        if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(DECIDING::contains)) {
            return Optional.of("管理员不能兼任检查员、纪检组长或规则编写人 / an administrator may not also be an inspector, supervisor or rule author");
        }
        if (roles.contains(Role.UNIT) && roles.size() > 1) {
            return Optional.of("责任单位联络人不能兼任其他角色 / a unit liaison holds no other role");
        }
        return Optional.empty();
    }

    /** A unit liaison (Role.UNIT) is bound to exactly one organisation: why these roles and organisations do not fit, or empty. */
    public static Optional<String> unitBinding(Set<Role> roles, Set<String> orgs) {
        if (roles.contains(Role.UNIT) && orgs.size() != 1) {
            return Optional.of("责任单位联络人须绑定且只绑定一个机构 / a unit liaison is bound to exactly one organisation");
        }
        return Optional.empty();
    }

    private static void refuseBadRoles(Set<Role> roles, Set<String> orgs) {
        roleConflict(roles).or(() -> unitBinding(roles, orgs)).ifPresent(problem -> {
            throw new Conflict(problem);
        });
    }

    /**
     * A new account: created at once when its roles decide nothing, else pending a second administrator.
     * Either way its owner must change the password at the first sign-in. Empty when the name is taken or
     * already pending.
     */
    @Transactional
    public Optional<Status> create(CurrentUser maker, String username, String password, String displayName, Set<Role> roles,
            String district, Set<String> orgs) {
        refuseBadRoles(roles, orgs);
        if (users.exists(username) || pending(username, Kind.CREATE)) {
            return Optional.empty();
        }
        String after = describe(displayName, roles, district, orgs, true);
        String hash = passwords.encode(password);
        if (WITHOUT_DECISION_POWER.containsAll(roles)) {
            users.insert(username, hash, displayName, roles, district, orgs, true);
            record(username, Kind.CREATE, Status.APPLIED, null, after, null, maker, district);
            return Optional.of(Status.APPLIED);
        }
        record(username, Kind.CREATE, Status.PENDING, null, after, hash, maker, district);
        return Optional.of(Status.PENDING);
    }

    /** Disabling applies at once; enabling waits for a second administrator. */
    @Transactional
    public Status setEnabled(CurrentUser maker, Users.Account account, boolean enabled) {
        String before = describe(account.displayName(), account.roles(), account.scopeDistrict(), account.scopeOrgs(), account.enabled());
        String after = describe(account.displayName(), account.roles(), account.scopeDistrict(), account.scopeOrgs(), enabled);
        if (!enabled) {
            users.setEnabled(account.username(), false);
            record(account.username(), Kind.DISABLE, Status.APPLIED, before, after, null, maker, account.scopeDistrict());
            return Status.APPLIED;
        }
        refuseDuplicate(account.username(), Kind.ENABLE);
        record(account.username(), Kind.ENABLE, Status.PENDING, before, after, null, maker, account.scopeDistrict());
        return Status.PENDING;
    }

    /**
     * New roles and data scope (district, organisations) of an existing account. Only removing roles applies at
     * once; adding a role or changing the scope waits for a second administrator. Empty when nothing changes.
     */
    @Transactional
    public Optional<Status> change(CurrentUser maker, Users.Account account, Set<Role> roles, String district, Set<String> orgs) {
        String before = describe(account.displayName(), account.roles(), account.scopeDistrict(), account.scopeOrgs(), account.enabled());
        String after = describe(account.displayName(), roles, district, orgs, account.enabled());
        if (before.equals(after)) {
            return Optional.empty();
        }
        refuseBadRoles(roles, orgs);
        boolean sameScope = java.util.Objects.equals(account.scopeDistrict(), district) && account.scopeOrgs().equals(orgs);
        if (sameScope && account.roles().containsAll(roles)) {
            apply(account.username(), roles, district, orgs);
            record(account.username(), Kind.ROLES_AND_SCOPE, Status.APPLIED, before, after, null, maker, account.scopeDistrict());
            return Optional.of(Status.APPLIED);
        }
        refuseDuplicate(account.username(), Kind.ROLES_AND_SCOPE);
        record(account.username(), Kind.ROLES_AND_SCOPE, Status.PENDING, before, after, null, maker, account.scopeDistrict());
        return Optional.of(Status.PENDING);
    }

    private void apply(String username, Set<Role> roles, String district, Set<String> orgs) {
        jdbc.sql("UPDATE app_user SET roles = ?, scope_district = ?, scope_orgs = ? WHERE username = ?")
                .params(roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), district, Binding.text(orgs), username)
                .update();
    }

    /** An administrator sets an existing account's password: pending a second administrator; the owner then must change it. */
    @Transactional
    public Status setPassword(CurrentUser maker, Users.Account account, String password) {
        refuseDuplicate(account.username(), Kind.SET_PASSWORD);
        record(account.username(), Kind.SET_PASSWORD, Status.PENDING, "密码 / password: (旧 / old)",
                "密码 / password: (新，须由本人更改 / new, to be changed by its owner)", passwords.encode(password), maker,
                account.scopeDistrict());
        return Status.PENDING;
    }

    /** The owner replaces their password (also the forced change after an administrator set it). */
    @Transactional
    public void changeOwnPassword(CurrentUser owner, String password) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE username = ?")
                .params(passwords.encode(password), owner.username()).update();
        record(owner.username(), Kind.OWN_PASSWORD, Status.APPLIED, null, "密码已由本人更改 / password changed by its owner", null,
                owner, owner.district());
    }

    /** A second administrator confirms a pending change: it takes effect now. */
    @Transactional
    public Change confirm(CurrentUser checker, String id) {
        Change change = pendingForChecker(checker, id);
        // decided first: of two administrators confirming at once, one applies it and the other gets 409
        decide(id, checker, Status.APPLIED, null);
        // null for changes that set no password
        String hash = jdbc.sql("SELECT password_hash FROM account_change WHERE id = ?").param(id).query((rs, n) -> rs.getString(1))
                .list().get(0);
        switch (change.kind()) {
            case CREATE -> {
                if (users.exists(change.username())) {
                    throw new Conflict("用户名已被占用：" + change.username() + " / the name is taken: " + change.username());
                }
                State s = State.parse(change.after());
                users.insert(change.username(), hash, s.displayName, s.roles, s.district, s.orgs, true);
            }
            case ENABLE -> users.setEnabled(change.username(), true);
            case ROLES_AND_SCOPE -> {
                State s = State.parse(change.after());
                apply(change.username(), s.roles, s.district, s.orgs);
            }
            case SET_PASSWORD -> jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE WHERE username = ?")
                    .params(hash, change.username()).update();
            default -> throw new Conflict("该变更无需确认 / this change needs no confirmation");
        }
        return find(id).orElseThrow();
    }

    /** A second administrator rejects a pending change, with a reason. */
    @Transactional
    public Change reject(CurrentUser checker, String id, String reason) {
        pendingForChecker(checker, id);
        decide(id, checker, Status.REJECTED, reason);
        return find(id).orElseThrow();
    }

    /** The latest changes within the district (null: all), newest first. */
    public List<Change> latest(String district, int limit) {
        return jdbc.sql("SELECT * FROM account_change WHERE (:district IS NULL OR district = :district) ORDER BY made_at DESC, id DESC LIMIT :limit")
                .param("district", district).param("limit", limit).query(AccountChanges::change).list();
    }

    public Optional<Change> find(String id) {
        return jdbc.sql("SELECT * FROM account_change WHERE id = ?").param(id).query(AccountChanges::change).optional();
    }

    private static Change change(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Change(rs.getString("id"), rs.getString("username"), Kind.valueOf(rs.getString("kind")),
                Status.valueOf(rs.getString("status")), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("made_by"), rs.getObject("made_at", LocalDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", LocalDateTime.class), rs.getString("reason"), rs.getString("district"));
    }

    /** Whether the person must replace their password before anything else. */
    public boolean mustChangePassword(String username) {
        return jdbc.sql("SELECT must_change_password FROM app_user WHERE username = ?").param(username).query(Boolean.class)
                .optional().orElse(false);
    }

    /**
     * The number of enabled administrators who may confirm changes within the district (its own and the whole
     * city's; null: the whole city's): the page says when a second one is needed to confirm anything.
     */
    public int enabledAdministrators(String district) {
        return (int) users.all().stream().filter(a -> a.enabled() && a.roles().contains(Role.ADMIN))
                .filter(a -> a.scopeDistrict() == null || a.scopeDistrict().equals(district)).count();
    }

    private Change pendingForChecker(CurrentUser checker, String id) {
        Change change = find(id).filter(c -> checker.wholeCity() || checker.district().equals(c.district()))
                .orElseThrow(() -> new NotFound("账户变更不存在：" + id + " / no account change " + id));
        if (!checker.has(Role.ADMIN)) {
            throw new Forbidden("只有另一位管理员可以确认 / only another administrator confirms account changes");
        }
        if (change.status() != Status.PENDING) {
            throw new Conflict("该变更已处理（" + change.status() + "）/ this change was already decided: " + change.status());
        }
        if (change.madeBy().equals(checker.username())) {
            throw new Forbidden("不能确认自己提出的账户变更，须由另一位管理员确认 / you made this change: another administrator confirms it");
        }
        if (change.username().equals(checker.username())) {
            throw new Forbidden("不能确认对本人账户的变更 / nobody confirms a change of their own account");
        }
        return change;
    }

    private void decide(String id, CurrentUser checker, Status status, String reason) {
        int updated = jdbc.sql("UPDATE account_change SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), checker.username(), Times.nowUtc(), reason, id).update();
        if (updated != 1) {
            throw new Conflict("该变更已被他人处理 / this change was decided meanwhile");
        }
    }

    private boolean pending(String username, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM account_change WHERE username = ? AND kind = ? AND status = 'PENDING'")
                .params(username, kind.name()).query(Integer.class).single() > 0;
    }

    private void refuseDuplicate(String username, Kind kind) {
        if (pending(username, kind)) {
            throw new Conflict("该账户已有同类待确认变更：" + username + " / this account already has such a change pending: " + username);
        }
    }

    private void record(String username, Kind kind, Status status, String before, String after, String hash, CurrentUser maker,
            String district) {
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("""
                INSERT INTO account_change (id, username, kind, status, before_state, after_state, password_hash, made_by, made_at,
                    decided_by, decided_at, district) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), username, kind.name(), status.name(), before, after, hash, maker.username(), now,
                        status == Status.APPLIED ? maker.username() : null, status == Status.APPLIED ? now : null, district)
                .update();
    }

    /** The state of an account as the audit shows it, and parses back for a pending new account. */
    static String describe(String displayName, Set<Role> roles, String district, Set<String> orgs, boolean enabled) {
        return "name=" + displayName.replace(';', ',') + "; roles=" + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + "; district=" + (district == null ? "" : district) + "; orgs=" + Binding.text(orgs) + "; enabled=" + enabled;
    }

    private record State(String displayName, Set<Role> roles, String district, Set<String> orgs) {
        static State parse(String text) {
            java.util.Map<String, String> parts = new java.util.HashMap<>();
            for (String part : text.split("; ")) {
                int eq = part.indexOf('=');
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
            String district = parts.get("district");
            String orgs = parts.get("orgs");
            return new State(parts.get("name"), CurrentUsers.roles(parts.get("roles")), district.isEmpty() ? null : district,
                    orgs == null || orgs.equals("null") ? Set.of() : Binding.list(orgs));
        }
    }
}
