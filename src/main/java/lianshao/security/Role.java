package lianshao.security;

/**
 * Roles of console and API users. IMPORTER uploads ledgers (imports) and sees only its own imports; it is not
 * one of the roles that read warnings.
 */
public enum Role {
    INSPECTOR, SUPERVISOR, RULE_AUTHOR, ADMIN, AUDITOR, IMPORTER;

    String authority() {
        return "ROLE_" + name();
    }
}
