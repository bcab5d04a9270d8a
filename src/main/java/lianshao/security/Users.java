package lianshao.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lianshao.support.Times;

/** Console and API users, with password hashes (BCrypt) and roles. */
@Service
public class Users implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates the user if absent; an existing user is left as it is. */
    @Transactional
    public void ensure(String username, String password, String displayName, Set<Role> roles, String scopeDistrict) {
        ensure(username, password, displayName, roles, scopeDistrict, Set.of());
    }

    /**
     * Creates the user if absent, bound to these organisations for what they write (an importer of one school);
     * an existing user is left as it is.
     */
    @Transactional
    public void ensure(String username, String password, String displayName, Set<Role> roles, String scopeDistrict,
            Set<String> scopeOrgs) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        insert(username, passwords.encode(password), displayName, roles, scopeDistrict, scopeOrgs, false);
    }

    /** Stores a new account with this password hash; {@code mustChangePassword}: its owner replaces the password first. */
    void insert(String username, String passwordHash, String displayName, Set<Role> roles, String scopeDistrict,
            Set<String> scopeOrgs, boolean mustChangePassword) {
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, roles, scope_district, scope_orgs, enabled, created_at,
                    must_change_password) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(username, passwordHash, displayName,
                        roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), scopeDistrict,
                        Binding.text(scopeOrgs), Times.nowUtc(), mustChangePassword)
                .update();
    }

    /** A user as the admin pages list them (never the password hash). */
    public record Account(String username, String displayName, Set<Role> roles, String scopeDistrict, Set<String> scopeOrgs,
            boolean enabled, java.time.LocalDateTime createdAt, boolean locked) {
    }

    public java.util.List<Account> all() {
        // "locked": some client is blocked from signing in to the account for now (LoginAttempts)
        return jdbc.sql("""
                SELECT u.*, (SELECT MAX(f.blocked_until) FROM sign_in_failure f WHERE f.username = u.username) AS blocked_until
                FROM app_user u ORDER BY u.username""")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"),
                        CurrentUsers.roles(rs.getString("roles")), rs.getString("scope_district"), Binding.list(rs.getString("scope_orgs")), rs.getBoolean("enabled"),
                        rs.getObject("created_at", java.time.LocalDateTime.class),
                        locked(rs.getObject("locked_until", java.time.LocalDateTime.class))
                                || locked(rs.getObject("blocked_until", java.time.LocalDateTime.class))))
                .list();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Integer.class).single() > 0;
    }

    /** Creates a new user; false when the name is taken (nothing changes then). */
    @Transactional
    public boolean create(String username, String password, String displayName, Set<Role> roles, String scopeDistrict) {
        return create(username, password, displayName, roles, scopeDistrict, Set.of());
    }

    /** Creates a new user bound to these organisations for what they write; false when the name is taken. */
    @Transactional
    public boolean create(String username, String password, String displayName, Set<Role> roles, String scopeDistrict,
            Set<String> scopeOrgs) {
        if (exists(username)) {
            return false;
        }
        ensure(username, password, displayName, roles, scopeDistrict, scopeOrgs);
        return true;
    }

    /** Enables or disables a user; a disabled user cannot sign in and is not a current user. */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update() == 1;
    }

    private static boolean locked(java.time.LocalDateTime until) {
        return until != null && until.isAfter(Times.nowUtc());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled, locked_until FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username")).password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .accountLocked(locked(rs.getObject("locked_until", java.time.LocalDateTime.class)))
                        .authorities(Arrays.stream(rs.getString("roles").split(",")).map(String::trim)
                                .filter(r -> !r.isEmpty()).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                        .build())
                .optional().orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
