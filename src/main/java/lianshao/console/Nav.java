package lianshao.console;

import lianshao.security.CurrentUser;
import lianshao.security.Role;

/** Which parts of the navigation a user sees. */
record Nav(boolean reviewer, boolean accessLog, boolean admin, boolean authoring) {

    static Nav of(CurrentUser user) {
        if (user == null) {
            return new Nav(false, false, false, false);
        }
        return new Nav(Me.reviewer(user), user.has(Role.AUDITOR) || user.has(Role.ADMIN), user.has(Role.ADMIN),
                user.has(Role.RULE_AUTHOR) || user.has(Role.ADMIN));
    }
}
