package lianshao.warnings;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import lianshao.security.CurrentUser;
import lianshao.security.Role;

/**
 * The one place that decides whether a person may take an action on a warning, may not, or may only propose
 * it for a second person's approval (four eyes). Everything that changes a warning's state (single actions,
 * bulk actions, the console's buttons, the unit's task replies) asks here; {@link ReviewAction} holds the state
 * transitions, this class the people and the forms. docs/workflow.md tables the result and
 * {@code WorkflowTableTest} checks this class against that table.
 *
 * <p>The decision table, checked in this order (T = {@code lianshao.warnings.four-eyes-from-form}, 3;
 * "serious": suggested form ≥ T, now or at any earlier evaluation of the warning):
 * <ol>
 * <li>REPLY, REQUEST_EXTENSION and ATTACH are the responsible unit's (Role.UNIT); every other action is for inspectors
 *     and supervisors only, and only a supervisor approves or rejects (403).</li>
 * <li>APPROVE / REJECT need a pending proposal (409) made by someone else: the proposer never decides
 *     on their own proposal, whatever other role they hold (409).</li>
 * <li>While a proposal is pending nothing else happens to the warning but comments and a reopening
 *     (which clears the proposal) (409).</li>
 * <li>GRANT_EXTENSION / DENY_EXTENSION need a pending extension request, REQUEST_EXTENSION none (409).</li>
 * <li>The action must be allowed from the warning's state ({@link ReviewAction}, 409); DISPATCH only for a
 *     decided form 1–2, HAND_OVER only for 3–4 (409).</li>
 * <li>Becomes a proposal, for anyone (a supervisor too): CONFIRM at a form ≥ T; CONFIRM of a serious
 *     warning at any form (a downgrade or a serious confirmation); DISMISS of a serious warning; CLOSE
 *     of a serious dismissal no second person approved; every HAND_OVER; an OUTCOME whose final form is lower
 *     than the decided form (a downgrade).</li>
 * <li>Everything else is applied directly.</li>
 * </ol>
 */
public final class ReviewGuard {

    /** What happens when the action is posted. */
    public enum Outcome {
        /** Applied at once. */
        APPLY,
        /** Recorded as a proposal; another supervisor approves or rejects it. */
        PROPOSE,
        /** Refused: not this person's to do (403). */
        FORBIDDEN,
        /** Refused: not in this state (409). */
        CONFLICT
    }

    public record Decision(Outcome outcome, String reason) {

        static Decision apply() {
            return new Decision(Outcome.APPLY, null);
        }

        public boolean refused() {
            return outcome == Outcome.FORBIDDEN || outcome == Outcome.CONFLICT;
        }
    }

    /** A pending proposal: the action asked for, with its form (CONFIRM) or dismissal reason (DISMISS). */
    public record Proposal(ReviewAction action, Integer form, String reason, String by) {
    }

    /** What the guard needs to know of a warning. */
    public record Situation(WarningStatus status, int suggestedForm, Integer decidedForm, Proposal pending,
            String approvedBy, boolean extensionRequested) {

        static Situation of(WarningView w) {
            Proposal pending = w.proposal() == null ? null
                    : new Proposal(ReviewAction.valueOf(w.proposal().action()), w.proposal().form(), w.proposal().reason(),
                            w.proposal().by());
            // a record reposted with other content may lower the form; seriousness goes by the highest it had
            int form = w.highestForm() == null ? w.form() : Math.max(w.form(), w.highestForm());
            boolean extension = w.disposal() != null && w.disposal().extension() != null;
            return new Situation(WarningStatus.valueOf(w.status()), form, w.decidedForm(), pending, w.approvedBy(), extension);
        }
    }

    /** Actions a pending proposal leaves open. */
    private static final Set<ReviewAction> WHILE_PENDING = EnumSet.of(ReviewAction.COMMENT, ReviewAction.APPROVE,
            ReviewAction.REJECT, ReviewAction.REOPEN);

    private final int fourEyesFromForm;

    public ReviewGuard(int fourEyesFromForm) {
        this.fourEyesFromForm = fourEyesFromForm;
    }

    /** Whether a warning of this suggested form is serious enough that no single person decides it away. */
    public boolean serious(int form) {
        return form >= fourEyesFromForm;
    }

    /**
     * A mute is one person's standing decision to keep a rule's hits on a subject out of the queue, so it
     * never covers a serious hit: such a hit is raised into the queue despite the mute, and a muted
     * warning that re-evaluation makes serious comes back into it.
     */
    public boolean mayMute(int suggestedForm) {
        return !serious(suggestedForm);
    }

    /**
     * The decision for one action. {@code form}: the form a CONFIRM asks for (null when unknown, as when
     * the console asks which buttons to show: then the most lenient form is assumed, 1).
     */
    public Decision decide(ReviewAction action, Situation w, CurrentUser user, Integer form) {
        if (ReviewAction.UNIT_ACTIONS.contains(action)) {
            if (!user.has(Role.UNIT)) {
                return new Decision(Outcome.FORBIDDEN, "只有责任单位联络人可答复或申请延期 / only the responsible unit replies or asks "
                        + "for an extension");
            }
        } else if (!user.has(Role.INSPECTOR) && !user.has(Role.SUPERVISOR)) {
            return new Decision(Outcome.FORBIDDEN, "只有纪检人员可处理预警 / only inspectors and supervisors act on warnings");
        }
        if (action == ReviewAction.APPROVE || action == ReviewAction.REJECT) {
            if (!user.has(Role.SUPERVISOR)) {
                return new Decision(Outcome.FORBIDDEN, action == ReviewAction.APPROVE
                        ? "只有纪检组长（SUPERVISOR）可批准 / only a supervisor approves"
                        : "只有纪检组长（SUPERVISOR）可驳回 / only a supervisor rejects a proposal");
            }
            if (w.pending() == null) {
                return new Decision(Outcome.CONFLICT, "没有待批准的建议 / there is no proposal to decide on");
            }
            if (user.username().equals(w.pending().by())) {
                return new Decision(Outcome.CONFLICT, "提出建议的人不能自己批准或驳回（双人复核）/ the proposer cannot approve or "
                        + "reject their own proposal (four eyes)");
            }
            return action.allowedFrom(w.status()) ? Decision.apply() : stateRefusal(action, w);
        }
        if (w.pending() != null && !WHILE_PENDING.contains(action)) {
            return new Decision(Outcome.CONFLICT, "有待批准的建议（" + w.pending().by() + " 提议 " + w.pending().action()
                    + "），须先由另一位纪检组长批准或驳回 / a proposal (" + w.pending().action() + " by " + w.pending().by()
                    + ") is pending; another supervisor approves or rejects it first");
        }
        if ((action == ReviewAction.GRANT_EXTENSION || action == ReviewAction.DENY_EXTENSION) && !w.extensionRequested()) {
            return new Decision(Outcome.CONFLICT, "没有待处理的延期申请 / there is no extension request to decide on");
        }
        if (action == ReviewAction.REQUEST_EXTENSION && w.extensionRequested()) {
            return new Decision(Outcome.CONFLICT, "已有待处理的延期申请 / an extension request is already waiting");
        }
        if (!action.allowedFrom(w.status())) {
            return stateRefusal(action, w);
        }
        if (action == ReviewAction.DISPATCH && !lightForm(w.decidedForm())) {
            return new Decision(Outcome.CONFLICT, "只有认定为第一、二种形态的预警交办责任单位整改；第三、四种形态移交 / only a warning "
                    + "decided at form 1–2 is dispatched to the unit; forms 3–4 are handed over");
        }
        if (action == ReviewAction.HAND_OVER && (w.decidedForm() == null || lightForm(w.decidedForm()))) {
            return new Decision(Outcome.CONFLICT, "只有认定为第三、四种形态的预警移交；第一、二种形态交办责任单位 / only a warning "
                    + "decided at form 3–4 is handed over; forms 1–2 are dispatched to the unit");
        }
        return needsSecondPerson(action, w, form) ? new Decision(Outcome.PROPOSE, null) : Decision.apply();
    }

    /** Forms 1–2: dispatched to the responsible unit; 3–4 are handed over. */
    private static boolean lightForm(Integer decidedForm) {
        return decidedForm != null && decidedForm <= 2;
    }

    private static Decision stateRefusal(ReviewAction action, Situation w) {
        return new Decision(Outcome.CONFLICT, "状态为 " + w.status() + " 的预警不能执行 " + action + "（允许的状态："
                + action.allowedStates() + "）/ " + action + " is not allowed on a warning in state " + w.status());
    }

    private boolean needsSecondPerson(ReviewAction action, Situation w, Integer form) {
        boolean serious = serious(w.suggestedForm());
        return switch (action) {
            case CONFIRM -> serious || serious(form == null ? 1 : form);
            case DISMISS -> serious;
            case CLOSE -> (serious || (w.decidedForm() != null && serious(w.decidedForm()))) && w.approvedBy() == null;
            case HAND_OVER -> true;
            case OUTCOME -> form != null && w.decidedForm() != null && form < w.decidedForm();
            default -> false;
        };
    }

    /** For each action, what would happen if this user took it now (CONFIRM: at the most lenient form). */
    public Map<ReviewAction, Decision> options(Situation w, CurrentUser user) {
        Map<ReviewAction, Decision> options = new LinkedHashMap<>();
        for (ReviewAction action : ReviewAction.values()) {
            options.put(action, decide(action, w, user, null));
        }
        return options;
    }
}
