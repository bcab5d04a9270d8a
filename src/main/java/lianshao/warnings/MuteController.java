package lianshao.warnings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.contract.FieldError;
import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.support.DisplayFormat;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Duplicate-noise control: mute one rule for one subject until a day, audited; and the access log. Both within
 * the caller's data scope: a district's people mute subjects of their district (for their district), list and
 * revoke their district's mutes, and read the access of their district's people.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Review 处理", description = "静默规则、查询留痕")
class MuteController {

    private final Mutes mutes;
    private final AccessLog accessLog;
    private final CurrentUsers users;
    private final Warnings warnings;
    private final ReferenceQueries reference;
    private final DisplayFormat format;

    MuteController(Mutes mutes, AccessLog accessLog, CurrentUsers users, Warnings warnings, ReferenceQueries reference,
            DisplayFormat format) {
        this.format = format;
        this.warnings = warnings;
        this.reference = reference;
        this.mutes = mutes;
        this.accessLog = accessLog;
        this.users = users;
    }

    record MuteRequest(String ruleId, String subjectRef, LocalDate until, String reason) {
    }

    @PostMapping("/mutes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "对某对象静默某规则至某日 / Mute one rule for one subject until a day")
    Map<String, Object> mute(@RequestBody MuteRequest request, Authentication auth) {
        CurrentUser user = reviewer(auth);
        List<FieldError> errors = new ArrayList<>();
        if (request.ruleId() == null || !request.ruleId().matches("[A-Z]{2,5}-\\d{2,3}")) {
            errors.add(new FieldError("ruleId", "应为规则编号，如 PRC-05 / a rule id such as PRC-05"));
        } else if (SystemRiskPoint.isSystem(request.ruleId())) {
            errors.add(new FieldError("ruleId", "系统风险点不能静默 / a system risk point cannot be muted"));
        }
        if (request.subjectRef() == null || request.subjectRef().isBlank() || request.subjectRef().length() > 256) {
            errors.add(new FieldError("subjectRef", "必填 / required"));
        }
        if (request.until() == null || request.until().isBefore(format.today())) {
            errors.add(new FieldError("until", "必填且不早于今天 / required, today or later"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
            errors.add(new FieldError("reason", "请填写理由 / a reason is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        if (!inScope(request.subjectRef(), user)) {
            throw new NotFound("对象不存在：" + request.subjectRef() + " / no subject " + request.subjectRef());
        }
        String id = mutes.create(request.ruleId(), request.subjectRef(), request.until(), request.reason(), user.username(),
                user.district());
        return Map.of("id", id);
    }

    @GetMapping("/mutes")
    @Operation(summary = "静默清单 / Mutes")
    List<Mutes.Mute> list(Authentication auth) {
        return mutes.all(me(auth).district());
    }

    @DeleteMapping("/mutes/{id}")
    @Operation(summary = "取消静默 / Revoke a mute")
    Map<String, Object> revoke(@PathVariable String id, Authentication auth) {
        CurrentUser user = reviewer(auth);
        if (!mutes.revoke(id, user.username(), user.district())) {
            throw new NotFound("静默不存在或已取消：" + id + " / no active mute " + id);
        }
        return Map.of("id", id, "revoked", true);
    }

    @GetMapping("/access-log")
    @Operation(summary = "查询留痕（审计员、管理员）/ Access log (auditors and admins)")
    List<AccessLog.Entry> accessLog(@org.springframework.web.bind.annotation.RequestParam(required = false) String username,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "200") int limit, Authentication auth) {
        CurrentUser user = me(auth);
        if (!user.has(Role.AUDITOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden("只有审计员和管理员可查看查询留痕 / only auditors and admins read the access log");
        }
        return accessLog.latest(username, user.district(), Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * A subject lies in a district person's scope when it is an organisation of the district, a party of one,
     * or named by a warning they can see (a supplier, say); the mute then applies in their district only.
     */
    private boolean inScope(String subjectRef, CurrentUser user) {
        if (user.wholeCity()) {
            return true;
        }
        boolean named = warnings.list(new WarningFilter(null, null, null, null, null, null, null, subjectRef, null, null,
                user.district(), true, WarningFilter.Sort.NEWEST), 0, 1).total() > 0;
        if (named) {
            return true;
        }
        String org = reference.org(subjectRef).map(o -> o.code())
                .orElseGet(() -> reference.parties(List.of(subjectRef)).stream().findFirst().map(p -> p.orgCode()).orElse(null));
        return org != null && reference.org(org).map(o -> user.district().equals(o.district())).orElse(false);
    }

    private CurrentUser reviewer(Authentication auth) {
        CurrentUser user = me(auth);
        if (!user.has(Role.INSPECTOR) && !user.has(Role.SUPERVISOR)) {
            throw new Forbidden("只有纪检人员可静默规则 / only inspectors and supervisors mute rules");
        }
        return user;
    }

    private CurrentUser me(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }
}
