package lianshao.rules;

import java.time.LocalDateTime;

/** One stored rule-set version without its files. Times are UTC. */
public record RuleSetVersion(int number, String contentHash, Integer parent, String author, String comment,
        RuleSetStatus status, LocalDateTime createdAt, String submittedBy, LocalDateTime submittedAt,
        String approvedBy, LocalDateTime approvedAt, LocalDateTime activatedAt, String statusReason) {
}
