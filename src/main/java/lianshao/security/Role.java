package lianshao.security;

/** Roles of console and API users. */
public enum Role {
    INSPECTOR, SUPERVISOR, RULE_AUTHOR, ADMIN, AUDITOR;

    String authority() {
        return "ROLE_" + name();
    }
}
