package lianshao.authoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import lianshao.rules.RuleSetStatus;
import lianshao.rules.RuleSetVersion;
import lianshao.support.Times;

/**
 * A rule-set version as the API shows it; files, the changes against the active version and the audit
 * trail only when one version is asked for. {@code activeVersion}: the version active now, which an
 * approval must name; {@code baseOutdated}: a draft or submitted version whose parent is no longer the
 * active version, so its changes against the active one include more than its author's.
 */
public record RuleSetView(int version, String contentHash, Integer parent, String author, String comment, String status,
        boolean active, OffsetDateTime createdAt, String submittedBy, OffsetDateTime submittedAt, String approvedBy,
        OffsetDateTime approvedAt, OffsetDateTime activatedAt, String statusReason, int activeVersion, boolean baseOutdated,
        Map<String, String> files, Map<String, String> changesAgainstActive, List<RuleSetAudit.Entry> audit) {

    static RuleSetView of(RuleSetVersion v, int activeNumber, Map<String, String> files, List<RuleSetAudit.Entry> audit) {
        return of(v, activeNumber, files, null, audit);
    }

    static RuleSetView of(RuleSetVersion v, int activeNumber, Map<String, String> files, Map<String, String> changesAgainstActive,
            List<RuleSetAudit.Entry> audit) {
        return new RuleSetView(v.number(), v.contentHash(), v.parent(), v.author(), v.comment(), v.status().name(),
                v.number() == activeNumber, time(v.createdAt()), v.submittedBy(), time(v.submittedAt()), v.approvedBy(),
                time(v.approvedAt()), time(v.activatedAt()), v.statusReason(), activeNumber, baseOutdated(v, activeNumber),
                files, changesAgainstActive, audit);
    }

    /** A version still waiting for approval whose base is not the active version. */
    public static boolean baseOutdated(RuleSetVersion v, int activeNumber) {
        boolean pending = v.status() == RuleSetStatus.DRAFT || v.status() == RuleSetStatus.SUBMITTED;
        return pending && (v.parent() == null || v.parent() != activeNumber);
    }

    private static OffsetDateTime time(java.time.LocalDateTime utc) {
        return utc == null ? null : Times.offset(utc);
    }
}
