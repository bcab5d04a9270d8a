package lianshao.security;

import java.util.Set;

/**
 * A signed-in person: name, roles and data scope. {@code district} null means the whole city;
 * otherwise the user sees only the organisations of that district.
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String district) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean wholeCity() {
        return district == null;
    }
}
