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
import lianshao.support.Times;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * The review of a warning: each action is checked by {@link ReviewGuard} (state, role, four eyes),
 * applied or recorded as a proposal with optimistic locking (a concurrent change answers 409), and leaves an append-only
 * audit entry (who, when, what, before → after).
 */
@Service
public class WarningReview {

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final CurrentUsers users;
    private final ReviewGuard guard;

    WarningReview(JdbcClient jdbc, Warnings warnings, WarningSettings settings, CurrentUsers users) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.users = users;
        this.guard = new ReviewGuard(settings.fourEyesFromForm());
    }

    /** An action as posted: {@code action} plus the fields it needs. */
    public record ActionRequest(String action, String assignee, String comment, Integer form, String reason) {
    }

    /**
     * Takes one action: applied, or recorded as a proposal when {@link ReviewGuard} says a second person
     * must approve it, or refused (403 / 409).
     */
    @Transactional
    public WarningView act(String warningId, ActionRequest request, CurrentUser user) {
        return act(warningId, request, user, true);
    }

    /**
     * The same, for bulk actions: an action that would only become a proposal is refused (409) instead,
     * so that no one proposes serious decisions by the page.
     */
    @Transactional
    public WarningView actDirectly(String warningId, ActionRequest request, CurrentUser user) {
        return act(warningId, request, user, false);
    }

    /** For each action, what would happen if the user took it on the warning now (the console's buttons, the API's hint). */
    public Map<ReviewAction, ReviewGuard.Decision> options(WarningView w, CurrentUser user) {
        return guard.options(ReviewGuard.Situation.of(w), user);
    }

    public ReviewGuard guard() {
        return guard;
    }

    /**
     * The assignee is a reviewer (inspector or supervisor) whose data scope covers the warning's organisation:
     * no one outside the district and no one without a reviewer's role is put in charge of a warning.
     */
    private void checkAssignee(String assignee, String warningId) {
        CurrentUser person = users.find(assignee).orElseThrow(() -> new ValidationFailed(List.of(
                new FieldError("assignee", "用户不存在 / no such user: " + assignee))));
        if (!person.has(lianshao.security.Role.INSPECTOR) && !person.has(lianshao.security.Role.SUPERVISOR)) {
            throw new ValidationFailed(List.of(new FieldError("assignee",
                    "处理人须为检查员或纪检组长 / the assignee must be an inspector or supervisor: " + assignee)));
        }
        if (warnings.find(warningId, person.district()).isEmpty()) {
            throw new ValidationFailed(List.of(new FieldError("assignee",
                    "处理人的数据范围不含该预警的单位 / the assignee's data scope does not cover this warning's organisation: " + assignee)));
        }
    }

    private WarningView act(String warningId, ActionRequest request, CurrentUser user, boolean mayPropose) {
        ReviewAction action = parse(request);
        WarningView w = warnings.find(warningId, user.district())
                .orElseThrow(() -> new NotFound("预警不存在 / no warning " + warningId));
        ReviewGuard.Situation situation = ReviewGuard.Situation.of(w);
        ReviewGuard.Decision decision = guard.decide(action, situation, user, request.form());
        switch (decision.outcome()) {
            case FORBIDDEN -> throw new Forbidden(decision.reason());
            case CONFLICT -> throw new Conflict(decision.reason());
            case PROPOSE -> {
                if (!mayPropose) {
                    throw new Conflict("该操作须经另一位纪检组长批准，请在预警页面逐条提议 / this needs a second person's approval; "
                            + "propose it on the warning itself");
                }
            }
            case APPLY -> {
                // below
            }
        }
        WarningStatus from = situation.status();
        Map<String, Object> details = new LinkedHashMap<>();
        String set = "status = :to";
        Map<String, Object> params = new LinkedHashMap<>();
        WarningStatus to = action.next(from);
        String audited = action.name();
        ReviewGuard.Proposal pending = situation.pending();
        LocalDateTime now = Times.nowUtc();
        if (decision.outcome() == ReviewGuard.Outcome.PROPOSE) {
            // four eyes: this only proposes; a supervisor who is not the proposer approves or rejects it
            to = from;
            audited = "PROPOSE_" + action.name();
            set += ", proposed_action = :proposedAction, proposed_form = :proposedForm, proposed_reason = :proposedReason,"
                    + " proposed_comment = :comment, proposed_by = :user, proposed_at = :now";
            params.put("proposedAction", action.name());
            params.put("proposedForm", action == ReviewAction.CONFIRM ? request.form() : null);
            params.put("proposedReason", action == ReviewAction.DISMISS ? request.reason() : null);
            params.put("comment", request.comment());
            params.put("user", user.username());
            details.put("suggestedForm", situation.suggestedForm());
            if (action == ReviewAction.CONFIRM) {
                details.put("form", request.form());
            }
            if (action == ReviewAction.DISMISS) {
                details.put("reason", request.reason());
            }
        } else {
            switch (action) {
                case ASSIGN -> {
                    checkAssignee(request.assignee(), warningId);
                    set += ", assignee = :assignee";
                    params.put("assignee", request.assignee());
                    details.put("assignee", request.assignee());
                    details.put("previousAssignee", w.assignee());
                }
                case CONFIRM -> {
                    set += ", decided_form = :form, approved_by = NULL";
                    params.put("form", request.form());
                    details.put("form", request.form());
                }
                case DISMISS -> {
                    set += ", dismiss_reason = :reason, approved_by = NULL";
                    params.put("reason", request.reason());
                    details.put("reason", request.reason());
                }
                case APPROVE -> {
                    to = pending.action().next(from);
                    set += ", approved_by = :user, " + CLEAR_PROPOSAL;
                    params.put("user", user.username());
                    if (pending.action() == ReviewAction.CONFIRM) {
                        set += ", decided_form = :form";
                        params.put("form", pending.form());
                        details.put("form", pending.form());
                    } else if (pending.action() == ReviewAction.DISMISS) {
                        set += ", dismiss_reason = :reason";
                        params.put("reason", pending.reason());
                        details.put("reason", pending.reason());
                    }
                    details.put("approved", pending.action().name());
                    details.put("proposedBy", pending.by());
                }
                case REJECT -> {
                    set += ", " + CLEAR_PROPOSAL;
                    details.put("rejected", pending.action().name());
                    details.put("proposedBy", pending.by());
                    if (pending.form() != null) {
                        details.put("form", pending.form());
                    }
                    if (pending.reason() != null) {
                        details.put("reason", pending.reason());
                    }
                }
                case REOPEN -> set += ", decided_form = NULL, dismiss_reason = NULL, approved_by = NULL, " + CLEAR_PROPOSAL;
                default -> {
                    // START_REVIEW, COMMENT, ESCALATE, CLOSE: the state change says it all
                }
            }
        }
        params.put("to", to.name());
        params.put("now", now);
        params.put("id", warningId);
        params.put("version", w.version());
        int updated = jdbc.sql("UPDATE warning SET " + set + ", updated_at = :now, version = version + 1 WHERE id = :id AND version = :version")
                .params(params).update();
        if (updated != 1) {
            throw new Conflict("预警已被他人同时修改，请刷新后重试 / the warning was changed meanwhile; reload and retry");
        }
        if (action == ReviewAction.REOPEN && pending != null) {
            warnings.audit(warningId, "PROPOSAL_CLEARED", user.username(), now, from.name(), from.name(),
                    "重新打开，待批准的建议作废 / reopened; the pending proposal is void",
                    Map.of("proposed", pending.action().name(), "proposedBy", pending.by()));
        }
        warnings.audit(warningId, audited, user.username(), now, from.name(), to.name(), request.comment(), details);
        return warnings.find(warningId).orElseThrow();
    }

    private static final String CLEAR_PROPOSAL = "proposed_action = NULL, proposed_form = NULL, proposed_by = NULL, "
            + "proposed_reason = NULL, proposed_comment = NULL, proposed_at = NULL";

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
        if ((action == ReviewAction.COMMENT || action == ReviewAction.DISMISS || action == ReviewAction.ESCALATE
                || action == ReviewAction.REJECT) && blank(request.comment())) {
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
