package lianshao.warnings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lianshao.contract.FieldError;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.support.Times;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * The review of a warning: each action is checked against the warning's state and the reviewer's
 * role, applied with optimistic locking (a concurrent change answers 409), and leaves an append-only
 * audit entry (who, when, what, before → after).
 */
@Service
public class WarningReview {

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final WarningSettings settings;
    private final CurrentUsers users;

    WarningReview(JdbcClient jdbc, Warnings warnings, WarningSettings settings, CurrentUsers users) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.settings = settings;
        this.users = users;
    }

    /** An action as posted: {@code action} plus the fields it needs. */
    public record ActionRequest(String action, String assignee, String comment, Integer form, String reason) {
    }

    @Transactional
    public WarningView act(String warningId, ActionRequest request, CurrentUser user) {
        ReviewAction action = parse(request);
        WarningView w = warnings.find(warningId, user.district())
                .orElseThrow(() -> new NotFound("预警不存在 / no warning " + warningId));
        if (!user.has(Role.INSPECTOR) && !user.has(Role.SUPERVISOR)) {
            throw new Forbidden("只有纪检人员可处理预警 / only inspectors and supervisors act on warnings");
        }
        WarningStatus from = WarningStatus.valueOf(w.status());
        if (!action.allowedFrom(from)) {
            throw new Conflict("状态为 " + from + " 的预警不能执行 " + action + "（允许的状态：" + action.allowedStates()
                    + "）/ " + action + " is not allowed on a warning in state " + from);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        String set = "status = :to";
        Map<String, Object> params = new LinkedHashMap<>();
        WarningStatus to = action.next(from);
        String audited = action.name();
        switch (action) {
            case ASSIGN -> {
                if (users.find(request.assignee()).isEmpty()) {
                    throw new ValidationFailed(List.of(new FieldError("assignee", "用户不存在 / no such user")));
                }
                set += ", assignee = :assignee";
                params.put("assignee", request.assignee());
                details.put("assignee", request.assignee());
                details.put("previousAssignee", w.assignee());
            }
            case CONFIRM -> {
                int form = request.form();
                details.put("form", form);
                if (form >= settings.fourEyesFromForm()) {
                    // four eyes: this only proposes; a supervisor who is not the proposer approves
                    to = from;
                    audited = "PROPOSE_CONFIRM";
                    set += ", proposed_form = :form, proposed_by = :user";
                    params.put("form", form);
                    params.put("user", user.username());
                } else {
                    set += ", decided_form = :form, proposed_form = NULL, proposed_by = NULL";
                    params.put("form", form);
                }
            }
            case APPROVE -> {
                if (!user.has(Role.SUPERVISOR)) {
                    throw new Forbidden("只有纪检组长（SUPERVISOR）可批准 / only a supervisor approves");
                }
                if (w.proposedForm() == null) {
                    throw new Conflict("没有待批准的确认建议 / there is no proposal to approve");
                }
                if (user.username().equals(w.proposedBy())) {
                    throw new Conflict("提出确认建议的人不能自己批准（双人复核）/ the proposer cannot approve their own proposal (four eyes)");
                }
                set += ", decided_form = :form, proposed_form = NULL, proposed_by = NULL";
                params.put("form", w.proposedForm());
                details.put("form", w.proposedForm());
                details.put("proposedBy", w.proposedBy());
            }
            case DISMISS -> {
                set += ", dismiss_reason = :reason";
                params.put("reason", request.reason());
                details.put("reason", request.reason());
            }
            default -> {
                // ASSIGN, START_REVIEW, COMMENT, ESCALATE, CLOSE, REOPEN: the state change says it all
            }
        }
        if (action == ReviewAction.REOPEN) {
            set += ", decided_form = NULL, dismiss_reason = NULL";
        }
        LocalDateTime now = Times.nowUtc();
        params.put("to", to.name());
        params.put("now", now);
        params.put("id", warningId);
        params.put("version", w.version());
        int updated = jdbc.sql("UPDATE warning SET " + set + ", updated_at = :now, version = version + 1 WHERE id = :id AND version = :version")
                .params(params).update();
        if (updated != 1) {
            throw new Conflict("预警已被他人同时修改，请刷新后重试 / the warning was changed meanwhile; reload and retry");
        }
        warnings.audit(warningId, audited, user.username(), now, from.name(), to.name(), request.comment(), details);
        return warnings.find(warningId).orElseThrow();
    }

    private static ReviewAction parse(ActionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ReviewAction action = null;
        try {
            action = ReviewAction.valueOf(request.action() == null ? "" : request.action());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("action", "取值必须是以下之一 / must be one of: " + List.of(ReviewAction.values())));
        }
        if (action == ReviewAction.ASSIGN && blank(request.assignee())) {
            errors.add(new FieldError("assignee", "分派时必填 / required to assign"));
        }
        if (action == ReviewAction.CONFIRM && (request.form() == null || request.form() < 1 || request.form() > 4)) {
            errors.add(new FieldError("form", "确认时须给出认定形态 1–4 / the decided form 1–4 is required to confirm"));
        }
        if (action == ReviewAction.DISMISS) {
            try {
                DismissReason.valueOf(request.reason() == null ? "" : request.reason());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reason", "排除理由必须是以下之一 / must be one of: " + List.of(DismissReason.values())));
            }
        }
        if ((action == ReviewAction.COMMENT || action == ReviewAction.DISMISS || action == ReviewAction.ESCALATE)
                && blank(request.comment())) {
            errors.add(new FieldError("comment", "请填写说明 / a comment is required"));
        }
        if (request.comment() != null && request.comment().length() > 4000) {
            errors.add(new FieldError("comment", "最多 4000 字 / at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return action;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
