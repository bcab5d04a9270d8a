package lianshao.records;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored rows of one context key that a group of records sharing it can need, bounded whatever the store's size:
 * the newest {@code limit} before the earliest of them (no earlier than its lookback), every row between the earliest
 * and the latest, and, to find what a late arrival changes, the first {@code limit} after the latest. A record takes
 * at most {@code limit} earlier records and changes at most the {@code limit} records after it per key
 * ({@link LaterRecords}), so these rows hold all it needs; reading every row of the key in the lookback did not scale
 * (23,000 rows a key with a million records stored).
 *
 * @param first   the earliest record's act time; {@code firstId} its id (rows of the same time rank by id)
 * @param since   the earliest record's lookback
 * @param last    the latest record's act time; {@code lastId} its id
 */
record KeySpan(RecordKey key, LocalDateTime since, LocalDateTime first, String firstId, LocalDateTime last, String lastId) {

    /** True when the span holds more than its earliest record: the rows between the earliest and the latest count. */
    boolean group() {
        return last.isAfter(first) || !lastId.equals(firstId);
    }

    /** A record and the context keys it is judged by. */
    record Member(String recordId, LocalDateTime occurredAt, Collection<RecordKey> keys) {
    }

    /** One span for each context key of the records. */
    static List<KeySpan> of(Collection<Member> members, int lookbackYears) {
        Map<RecordKey, KeySpan> spans = new LinkedHashMap<>();
        Comparator<Member> order = Comparator.comparing(Member::occurredAt).thenComparing(Member::recordId);
        for (Member m : members.stream().sorted(order).toList()) {
            for (RecordKey key : m.keys()) {
                if (key.context()) {
                    spans.merge(key, new KeySpan(key, m.occurredAt().minusYears(lookbackYears), m.occurredAt(), m.recordId(),
                            m.occurredAt(), m.recordId()), (a, b) -> new KeySpan(key, a.since(), a.first(), a.firstId(), b.last(), b.lastId()));
                }
            }
        }
        return List.copyOf(spans.values());
    }
}
