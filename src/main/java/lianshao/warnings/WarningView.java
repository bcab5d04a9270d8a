package lianshao.warnings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A warning as the API shows it (contract section 4, plus grading, base form and revision). */
public record WarningView(String id, String ruleId, String title, String titleEn, String domain, int form,
        String formName, String formNameEn, String level, String orgCode, String recordId, int recordRevision,
        List<String> subjectRefs, String message, String messageEn, String clause, String basis,
        List<String> departments, Map<String, Object> evidence, Grading grading, String status, boolean stillHits,
        OffsetDateTime occurredAt, OffsetDateTime raisedAt, OffsetDateTime updatedAt, String ruleSetVersion,
        String assignee, Integer decidedForm, Integer proposedForm, String proposedBy, String dismissReason,
        OffsetDateTime dueAt, boolean overdue, int version, Proposal proposal, String approvedBy,
        Integer highestForm, String recurrenceOf, OffsetDateTime dueFrom, Priority priority, Disposal disposal) {

    /**
     * How much of the time allowed for the current stage (from {@code dueFrom} to {@code dueAt}) has passed, for
     * warnings with a running deadline: under a third NORMAL, from a third ATTENTION, from two thirds URGENT, all of
     * it OVERDUE. Null when nothing is timed.
     */
    public enum Priority {
        NORMAL, ATTENTION, URGENT, OVERDUE;

        static Priority of(java.time.LocalDateTime from, java.time.LocalDateTime due, java.time.LocalDateTime now) {
            if (!now.isBefore(due)) {
                return OVERDUE;
            }
            long allowed = java.time.Duration.between(from, due).getSeconds();
            long passed = Math.max(0, java.time.Duration.between(from, now).getSeconds());
            if (allowed <= 0 || passed * 3 >= allowed * 2) {
                return URGENT;
            }
            return passed * 3 >= allowed ? ATTENTION : NORMAL;
        }
    }

    /**
     * The loop after confirmation (docs/workflow.md): the unit it was dispatched to (交办) with the person
     * responsible, a pending extension request, the unit's explanation and report, the last return's reason,
     * when it was rectified (销号); or the handover (移交) with its referral number and target, the receipt and the
     * outcome (the form finally decided).
     */
    public record Disposal(String unitOrg, String responsiblePerson, OffsetDateTime dispatchedAt, Extension extension,
            String explanation, String report, OffsetDateTime repliedAt, String repliedBy, String returnReason,
            int returnCount, OffsetDateTime rectifiedAt, String referralNo, String handoverTarget,
            OffsetDateTime handedOverAt, String receipt, OffsetDateTime receiptAt, Integer outcomeForm, String outcome,
            OffsetDateTime concludedAt) {
    }

    /** An extension the unit asked for: why, how many working days, who asked. */
    public record Extension(String reason, int workingDays, String by) {
    }

    /**
     * A pending four-eyes proposal: the action one person asked for (CONFIRM, DISMISS or CLOSE), with
     * the form (CONFIRM) or dismissal reason (DISMISS), their comment, who and when; a supervisor other
     * than the proposer approves or rejects it. {@code approvedBy}: who approved the current decision;
     * {@code highestForm}: the highest suggested form the warning ever had.
     */
    public record Proposal(String action, Integer form, String reason, String comment, String by, OffsetDateTime at) {
    }

    /** From the rule's base form through each step to the suggested form. */
    public record Grading(int baseForm, List<Map<String, Object>> steps, int suggestedForm) {
    }

    /** One entry of the audit trail. */
    public record Action(String id, String action, String actor, OffsetDateTime at, String fromStatus,
            String toStatus, String comment, Map<String, Object> details) {
    }
}
