package lianshao.security;

/**
 * Roles of console and API users. IMPORTER uploads ledgers (imports) and sees only its own imports; it is not
 * one of the roles that read warnings. UNIT (责任单位联络人) is bound to one organisation and reaches only the
 * tasks dispatched to it ({@code /api/v1/tasks/**}).
 */
public enum Role {
    INSPECTOR, SUPERVISOR, RULE_AUTHOR, ADMIN, AUDITOR, IMPORTER, UNIT;

    String authority() {
        return "ROLE_" + name();
    }
}
