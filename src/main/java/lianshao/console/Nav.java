package lianshao.console;

import lianshao.security.CurrentUser;
import lianshao.security.Role;

/**
 * Which parts of the navigation a user sees. A unit liaison ({@code unit}) sees only its tasks, the inbox and the
 * password page; a supervisor also the supervision lists.
 */
record Nav(boolean reviewer, boolean accessLog, boolean admin, boolean authoring, boolean unit, boolean supervisor) {

    static Nav of(CurrentUser user) {
        if (user == null) {
            return new Nav(false, false, false, false, false, false);
        }
        return new Nav(Me.reviewer(user), user.has(Role.AUDITOR) || user.has(Role.ADMIN), user.has(Role.ADMIN),
                user.has(Role.RULE_AUTHOR) || user.has(Role.ADMIN), user.has(Role.UNIT), user.has(Role.SUPERVISOR));
    }
}
