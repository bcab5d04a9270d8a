package lianshao.authoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import lianshao.rules.RuleSetVersion;
import lianshao.support.Times;

/** A rule-set version as the API shows it; files and audit trail only when one version is asked for. */
public record RuleSetView(int version, String contentHash, Integer parent, String author, String comment, String status,
        boolean active, OffsetDateTime createdAt, String submittedBy, OffsetDateTime submittedAt, String approvedBy,
        OffsetDateTime approvedAt, OffsetDateTime activatedAt, String statusReason, Map<String, String> files,
        List<RuleSetAudit.Entry> audit) {

    static RuleSetView of(RuleSetVersion v, int activeNumber, Map<String, String> files, List<RuleSetAudit.Entry> audit) {
        return new RuleSetView(v.number(), v.contentHash(), v.parent(), v.author(), v.comment(), v.status().name(),
                v.number() == activeNumber, time(v.createdAt()), v.submittedBy(), time(v.submittedAt()), v.approvedBy(),
                time(v.approvedAt()), time(v.activatedAt()), v.statusReason(), files, audit);
    }

    private static OffsetDateTime time(java.time.LocalDateTime utc) {
        return utc == null ? null : Times.offset(utc);
    }
}
