package lianshao.warnings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.contract.FieldError;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
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
    private final Deadlines deadlines;
    private final ReferralNumbers referrals;
    private final ReferenceQueries reference;
    private final DisplayFormat format;
    private final TransactionTemplate tx;

    WarningReview(JdbcClient jdbc, Warnings warnings, WarningSettings settings, CurrentUsers users, Deadlines deadlines,
            ReferralNumbers referrals, ReferenceQueries reference, DisplayFormat format, TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.users = users;
        this.guard = new ReviewGuard(settings.fourEyesFromForm());
        this.deadlines = deadlines;
        this.referrals = referrals;
        this.reference = reference;
        this.format = format;
    }

    /**
     * An action as posted: {@code action} plus the fields it needs (docs/workflow.md): {@code assignee} (ASSIGN),
     * {@code form} (CONFIRM, OUTCOME), {@code reason} (DISMISS: a code; RETURN, REQUEST_EXTENSION, DENY_EXTENSION:
     * the text), {@code unitOrg} and {@code responsiblePerson} (DISPATCH), {@code workingDays} (DISPATCH, RETURN,
     * REQUEST_EXTENSION, GRANT_EXTENSION), {@code target} (HAND_OVER), {@code explanation} and {@code report}
     * (REPLY), {@code comment} (the receipt of RECEIPT, the outcome of OUTCOME, else a remark).
     */
    public record ActionRequest(String action, String assignee, String comment, Integer form, String reason, String unitOrg,
            String responsiblePerson, Integer workingDays, String target, String explanation, String report) {

        public ActionRequest(String action, String assignee, String comment, Integer form, String reason) {
            this(action, assignee, comment, form, reason, null, null, null, null, null, null);
        }
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
     * The same, refusing (409) an action that would only become a proposal. Kept for the console's bulk form;
     * the API's bulk action uses {@link #bulk}, which proposes exactly where a single action would.
     */
    @Transactional
    public WarningView actDirectly(String warningId, ActionRequest request, CurrentUser user) {
        return act(warningId, request, user, false);
    }

    /** What a bulk action did to one warning. */
    public enum BulkOutcome {
        APPLIED, PROPOSED, REFUSED
    }

    /**
     * One warning's line of a bulk result: the outcome, the warning's status afterwards (null when refused as
     * not found), and for a refusal its kind (FORBIDDEN, CONFLICT, NOT_FOUND, INVALID) and reason.
     */
    public record BulkItem(String id, BulkOutcome outcome, String status, String refusal, String reason) {
    }

    /**
     * The same action on each warning, each on its own (its own transaction, its own audit entry), under exactly the
     * rules of a single action: where {@link #act} would make a proposal, so does this, and where it would refuse,
     * this refuses that warning and goes on with the next.
     */
    public List<BulkItem> bulk(List<String> warningIds, ActionRequest request, CurrentUser user) {
        parse(request, deadlines.maxWorkingDays()); // a body that is wrong for every warning answers 400 once
        List<BulkItem> items = new ArrayList<>();
        for (String id : warningIds) {
            items.add(bulkOne(id, request, user));
        }
        return items;
    }

    private BulkItem bulkOne(String id, ActionRequest request, CurrentUser user) {
        try {
            WarningView w = tx.execute(status -> act(id, request, user, true));
            boolean proposed = w.proposal() != null && user.username().equals(w.proposal().by())
                    && w.proposal().action().equals(request.action());
            return new BulkItem(id, proposed ? BulkOutcome.PROPOSED : BulkOutcome.APPLIED, w.status(), null, null);
        } catch (Forbidden e) {
            return new BulkItem(id, BulkOutcome.REFUSED, null, "FORBIDDEN", e.getMessage());
        } catch (Conflict e) {
            return new BulkItem(id, BulkOutcome.REFUSED, null, "CONFLICT", e.getMessage());
        } catch (NotFound e) {
            return new BulkItem(id, BulkOutcome.REFUSED, null, "NOT_FOUND", e.getMessage());
        } catch (ValidationFailed e) {
            return new BulkItem(id, BulkOutcome.REFUSED, null, "INVALID", e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).collect(java.util.stream.Collectors.joining("; ")));
        }
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
                new FieldError("assignee", "用户不存在：" + assignee + " / no such user: " + assignee))));
        if (!person.has(lianshao.security.Role.INSPECTOR) && !person.has(lianshao.security.Role.SUPERVISOR)) {
            throw new ValidationFailed(List.of(new FieldError("assignee",
                    "处理人须为检查员或纪检组长：" + assignee + " / the assignee must be an inspector or supervisor: " + assignee)));
        }
        if (warnings.find(warningId, person.district()).isEmpty()) {
            throw new ValidationFailed(List.of(new FieldError("assignee",
                    "处理人的数据范围不含该预警的单位：" + assignee + " / the assignee's data scope does not cover this warning's organisation: " + assignee)));
        }
    }

    private WarningView act(String warningId, ActionRequest request, CurrentUser user, boolean mayPropose) {
        ReviewAction action = parse(request, deadlines.maxWorkingDays());
        WarningView w = visible(warningId, user).orElseThrow(() -> new NotFound("预警不存在：" + warningId + " / no warning " + warningId));
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
            params.put("proposedForm", action == ReviewAction.CONFIRM || action == ReviewAction.OUTCOME ? request.form() : null);
            params.put("proposedReason", action == ReviewAction.DISMISS ? request.reason()
                    : action == ReviewAction.HAND_OVER ? handoverTarget(request, w).name() : null);
            params.put("comment", request.comment());
            params.put("user", user.username());
            details.put("suggestedForm", situation.suggestedForm());
            if (action == ReviewAction.CONFIRM) {
                details.put("form", request.form());
            }
            if (action == ReviewAction.DISMISS) {
                details.put("reason", request.reason());
            }
            if (action == ReviewAction.HAND_OVER) {
                details.put("target", params.get("proposedReason"));
            }
            if (action == ReviewAction.OUTCOME) {
                details.put("form", request.form());
                details.put("decidedForm", w.decidedForm());
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
                    } else if (pending.action() == ReviewAction.HAND_OVER) {
                        String number = referrals.next(format.local(now).getYear());
                        set += ", referral_no = :referral, handover_target = :target, handed_over_at = :now";
                        params.put("referral", number);
                        params.put("target", pending.reason());
                        details.put("referralNo", number);
                        details.put("target", pending.reason());
                    } else if (pending.action() == ReviewAction.OUTCOME) {
                        // the proposal's text as a value: MySQL applies SET left to right, so a column read after
                        // CLEAR_PROPOSAL would already be NULL there (H2 reads the row as it was)
                        set += ", outcome_form = :form, outcome_text = :outcome, concluded_at = :now";
                        params.put("form", pending.form());
                        params.put("outcome", w.proposal().comment());
                        details.put("form", pending.form());
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
                case DISPATCH -> {
                    String unit = unitOrg(request.unitOrg(), user);
                    LocalDateTime due = deadlines.fromToday(request.workingDays());
                    set += ", unit_org = :unit, responsible_person = :person, dispatched_at = :now, due_from = :now, due_at = :due, "
                            + CLEAR_EXTENSION;
                    params.put("unit", unit);
                    params.put("person", request.responsiblePerson().strip());
                    params.put("due", due);
                    details.put("unitOrg", unit);
                    details.put("responsiblePerson", request.responsiblePerson().strip());
                    details.put("workingDays", request.workingDays());
                    details.put("dueAt", Times.offset(due).toString());
                }
                case REPLY -> {
                    set += ", explanation = :explanation, report_text = :report, replied_at = :now, replied_by = :user, "
                            + CLEAR_EXTENSION;
                    params.put("explanation", request.explanation());
                    params.put("report", request.report());
                    params.put("user", user.username());
                    // each reply stays in the audit: a later one replaces the stored report
                    details.put("explanation", request.explanation());
                    details.put("report", request.report());
                }
                case REQUEST_EXTENSION -> {
                    set += ", extension_reason = :reason, extension_days = :days, extension_by = :user";
                    params.put("reason", request.reason());
                    params.put("days", request.workingDays());
                    params.put("user", user.username());
                    details.put("reason", request.reason());
                    details.put("workingDays", request.workingDays());
                }
                case GRANT_EXTENSION -> {
                    int days = request.workingDays() != null ? request.workingDays() : w.disposal().extension().workingDays();
                    LocalDateTime due = deadlines.extend(w.dueAt() == null ? null : Times.toUtc(w.dueAt()), days);
                    set += ", due_at = :due, " + CLEAR_EXTENSION;
                    params.put("due", due);
                    details.put("workingDays", days);
                    details.put("previousDueAt", w.dueAt() == null ? null : w.dueAt().toString());
                    details.put("dueAt", Times.offset(due).toString());
                    details.put("requestedBy", w.disposal().extension().by());
                }
                case DENY_EXTENSION -> {
                    set += ", " + CLEAR_EXTENSION;
                    details.put("reason", request.reason());
                    details.put("requestedBy", w.disposal().extension().by());
                }
                case RETURN -> {
                    LocalDateTime due = deadlines.fromToday(request.workingDays());
                    set += ", return_reason = :reason, return_count = return_count + 1, due_from = :now, due_at = :due, "
                            + CLEAR_EXTENSION;
                    params.put("reason", request.reason());
                    params.put("due", due);
                    details.put("reason", request.reason());
                    details.put("workingDays", request.workingDays());
                    details.put("dueAt", Times.offset(due).toString());
                }
                case ACCEPT -> set += ", rectified_at = :now";
                case RECEIPT -> {
                    set += ", receipt_text = :receipt, receipt_at = :now";
                    params.put("receipt", request.comment());
                    details.put("referralNo", w.disposal() == null ? null : w.disposal().referralNo());
                }
                case OUTCOME -> {
                    set += ", outcome_form = :form, outcome_text = :outcome, concluded_at = :now";
                    params.put("form", request.form());
                    params.put("outcome", request.comment());
                    details.put("form", request.form());
                }
                default -> {
                    // START_REVIEW, COMMENT, ESCALATE, CLOSE: the state change says it all (HAND_OVER is always proposed)
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

    private static final String CLEAR_EXTENSION = "extension_reason = NULL, extension_days = NULL, extension_by = NULL";

    /**
     * The warning as this person may reach it: a unit liaison only the warnings dispatched to their organisation,
     * everyone else within their district.
     */
    public Optional<WarningView> visible(String warningId, CurrentUser user) {
        if (user.has(Role.UNIT)) {
            return user.orgs().size() == 1 ? warnings.findDispatched(warningId, user.orgs().iterator().next()) : Optional.empty();
        }
        return warnings.find(warningId, user.district());
    }

    /** The responsible unit: a registered organisation within the dispatcher's district. */
    private String unitOrg(String code, CurrentUser user) {
        String unit = code.strip();
        Optional<lianshao.facts.Org> org = reference.org(unit);
        if (org.isEmpty() || !user.wholeCity() && !user.district().equals(org.get().district())) {
            throw new ValidationFailed(List.of(new FieldError("unitOrg",
                    "未登记的机构或不在您的数据范围内：" + unit + " / not a registered organisation within your data scope: " + unit)));
        }
        return unit;
    }

    /** Where the warning is handed over: the case-review office at form 3; the commission or a judicial organ at form 4. */
    private static HandoverTarget handoverTarget(ActionRequest request, WarningView w) {
        HandoverTarget target = HandoverTarget.valueOf(request.target());
        if (w.decidedForm() == null || !target.takes(w.decidedForm())) {
            throw new ValidationFailed(List.of(new FieldError("target", "第三种形态移交案件审理室（CASE_REVIEW），第四种形态移交纪委监委"
                    + "（COMMISSION）或司法机关（JUDICIAL）/ form 3 goes to CASE_REVIEW, form 4 to COMMISSION or JUDICIAL")));
        }
        return target;
    }

    private static final String CLEAR_PROPOSAL = "proposed_action = NULL, proposed_form = NULL, proposed_by = NULL, "
            + "proposed_reason = NULL, proposed_comment = NULL, proposed_at = NULL";

    private static ReviewAction parse(ActionRequest request, int maxDays) {
        List<FieldError> errors = new ArrayList<>();
        ReviewAction action = null;
        try {
            action = ReviewAction.valueOf(request.action() == null ? "" : request.action());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("action", "取值必须是以下之一 / must be one of: " + List.of(ReviewAction.values())));
        }
        if (action == ReviewAction.ATTACH) {
            errors.add(new FieldError("action", "证明材料以文件上传到 /api/v1/tasks/{id}/attachments / evidence files are uploaded "
                    + "to /api/v1/tasks/{id}/attachments"));
        }
        if (action == ReviewAction.ASSIGN && blank(request.assignee())) {
            errors.add(new FieldError("assignee", "分派时必填 / required to assign"));
        }
        if ((action == ReviewAction.CONFIRM || action == ReviewAction.OUTCOME)
                && (request.form() == null || request.form() < 1 || request.form() > 4)) {
            errors.add(new FieldError("form", "须给出认定形态 1–4 / the decided form 1–4 is required"));
        }
        if (action == ReviewAction.DISMISS) {
            try {
                DismissReason.valueOf(request.reason() == null ? "" : request.reason());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reason", "排除理由必须是以下之一 / must be one of: " + List.of(DismissReason.values())));
            }
        }
        if ((action == ReviewAction.COMMENT || action == ReviewAction.DISMISS || action == ReviewAction.ESCALATE
                || action == ReviewAction.REJECT || action == ReviewAction.RECEIPT || action == ReviewAction.OUTCOME)
                && blank(request.comment())) {
            errors.add(new FieldError("comment", "请填写说明 / a comment is required"));
        }
        if (request.comment() != null && request.comment().length() > 4000) {
            errors.add(new FieldError("comment", "最多 4000 字 / at most 4000 characters"));
        }
        if (action == ReviewAction.DISPATCH) {
            required(errors, "unitOrg", request.unitOrg(), 64);
            required(errors, "responsiblePerson", request.responsiblePerson(), 200);
        }
        if (action == ReviewAction.REPLY) {
            required(errors, "explanation", request.explanation(), 4000);
            required(errors, "report", request.report(), 20000);
        }
        if (action == ReviewAction.RETURN || action == ReviewAction.REQUEST_EXTENSION || action == ReviewAction.DENY_EXTENSION) {
            required(errors, "reason", request.reason(), 2000);
        }
        boolean needsDays = action == ReviewAction.DISPATCH || action == ReviewAction.RETURN
                || action == ReviewAction.REQUEST_EXTENSION;
        if ((needsDays || action == ReviewAction.GRANT_EXTENSION && request.workingDays() != null)
                && (request.workingDays() == null || request.workingDays() < 1 || request.workingDays() > maxDays)) {
            errors.add(new FieldError("workingDays", "期限须为 1–" + maxDays + " 个工作日 / the deadline must be 1 to " + maxDays
                    + " working days"));
        }
        if (action == ReviewAction.HAND_OVER) {
            try {
                HandoverTarget.valueOf(request.target() == null ? "" : request.target());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("target", "移交对象必须是以下之一 / must be one of: " + List.of(HandoverTarget.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return action;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "必填 / required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "最多 " + max + " 字 / at most " + max + " characters"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
