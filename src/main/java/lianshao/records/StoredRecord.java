package lianshao.records;

import java.time.LocalDateTime;

/** A record row with its latest revision's envelope (JSON text). */
record StoredRecord(String id, String source, String externalId, String domain, String orgCode,
        int revision, String contentHash, RecordStatus status, String ruleSetVersion,
        LocalDateTime receivedAt, LocalDateTime evaluatedAt, String lastError, int attempts, String envelope) {
}
