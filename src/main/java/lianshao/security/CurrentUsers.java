package lianshao.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Resolves the signed-in person behind a request (feeds are not people: empty). */
@Component
public class CurrentUsers {

    private final JdbcClient jdbc;

    CurrentUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CurrentUser> of(Authentication authentication) {
        if (authentication == null || authentication.getPrincipal() instanceof FeedPrincipal) {
            return Optional.empty();
        }
        return find(authentication.getName());
    }

    public Optional<CurrentUser> find(String username) {
        return jdbc.sql("SELECT username, display_name, roles, scope_district, scope_orgs FROM app_user WHERE username = ? AND enabled = TRUE")
                .param(username)
                .query((rs, n) -> new CurrentUser(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getString(4),
                        Binding.list(rs.getString(5))))
                .optional();
    }

    /**
     * The enabled people holding the role of this name (a name, not the enum, so that callers can name roles
     * that a deployment may not have yet: none then).
     */
    public java.util.List<CurrentUser> holding(String roleName) {
        return jdbc.sql("SELECT username, display_name, roles, scope_district, scope_orgs FROM app_user WHERE enabled = TRUE"
                        + " AND roles LIKE ? ORDER BY username")
                .param("%" + roleName + "%")
                .query((rs, n) -> new CurrentUser(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getString(4),
                        Binding.list(rs.getString(5))))
                .list().stream().filter(u -> u.roles().stream().anyMatch(r -> r.name().equals(roleName))).toList();
    }

    /**
     * What the caller may write for: a feed's key binding, a person's district and organisations; nothing for
     * anyone else.
     */
    public Binding binding(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof FeedPrincipal feed) {
            return feed.binding();
        }
        return of(authentication).map(CurrentUser::binding).orElse(Binding.NONE);
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
