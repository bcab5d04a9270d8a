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
        Integer highestForm) {

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
