package lianshao.warnings;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUsers;
import lianshao.web.Forbidden;

/** The supervisor's lists of the loop, within their district. */
@RestController
@Tag(name = "Supervision 督办", description = "纪检组长：待批建议、待批移交、已退回、超期和临期事项")
class SupervisionController {

    private final Supervision supervision;
    private final CurrentUsers users;

    SupervisionController(Supervision supervision, CurrentUsers users) {
        this.supervision = supervision;
        this.users = users;
    }

    @GetMapping("/api/v1/supervision")
    @Operation(summary = "督办：待批建议、待批移交、已退回、超期、已过三分之一时限的事项 / Pending proposals, handovers awaiting "
            + "approval, returned, overdue and rising items")
    Supervision.Lists lists(Authentication auth) {
        return supervision.lists(users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required")));
    }
}
