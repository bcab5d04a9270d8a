package lianshao.evaluation;

import java.time.OffsetDateTime;

/** The envelope fields of a stored record that every fact carries. */
public record RecordMeta(String recordId, String externalId, String source, String domain, String orgCode,
        OffsetDateTime occurredAt) {
}
