package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.web.Forbidden;

/** The signed-in person behind a console request, and the role checks of the pages. */
@Component
class Me {

    private final CurrentUsers users;

    Me(CurrentUsers users) {
        this.users = users;
    }

    CurrentUser of(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }

    CurrentUser withAnyRole(Authentication auth, Role... roles) {
        CurrentUser user = of(auth);
        for (Role role : roles) {
            if (user.has(role)) {
                return user;
            }
        }
        throw new Forbidden("当前角色无权访问 / not allowed for your role");
    }

    static boolean reviewer(CurrentUser user) {
        return user.has(Role.INSPECTOR) || user.has(Role.SUPERVISOR);
    }
}
