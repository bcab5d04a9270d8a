package lianshao.security;

import java.util.Set;

/**
 * A signed-in person: name, roles and data scope. {@code district} null means the whole city;
 * otherwise the user sees only the organisations of that district. {@code orgs}, when not empty, narrows
 * what the person writes (imports) to those organisations.
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String district, Set<String> orgs) {

    public CurrentUser(String username, String displayName, Set<Role> roles, String district) {
        this(username, displayName, roles, district, Set.of());
    }

    /** What the person may write for. */
    public Binding binding() {
        return Binding.ofPerson(district, orgs);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean wholeCity() {
        return district == null;
    }
}
