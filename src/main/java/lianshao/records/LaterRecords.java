package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored records a late arrival can change: those sharing a context key with a new record that occurred after it,
 * and close enough after it to have it in their context. Context loading gives a record its newest
 * {@code max-context-records} earlier records within its lookback, ranked by act time and id; a record with that many
 * records of one of its keys between the new one and itself, or beyond the lookback, does not see the new one.
 *
 * @param ids        the records to judge again, at most {@code max-reevaluations-per-change}
 * @param lateRecord the first new record that caused one of them (for the queue's reason)
 */
record LaterRecords(Set<String> ids, String lateRecord) {

    static LaterRecords of(List<RecordStore.NewRecord> fresh, Collection<RecordStore.KeyRow> rowsAfter, EvaluationSettings settings) {
        Set<String> batch = new HashSet<>();
        fresh.forEach(r -> batch.add(r.id()));
        Map<RecordKey, List<RecordStore.KeyRow>> byKey = new HashMap<>();
        for (RecordStore.KeyRow row : rowsAfter) {
            if (!batch.contains(row.recordId())) {
                byKey.computeIfAbsent(new RecordKey(row.name(), row.value()), k -> new ArrayList<>()).add(row);
            }
        }
        byKey.values().forEach(rows -> rows.sort(Comparator.comparing(RecordStore.KeyRow::occurredAt)
                .thenComparing(RecordStore.KeyRow::recordId)));
        Set<String> later = new LinkedHashSet<>();
        String first = null;
        for (RecordStore.NewRecord r : fresh) {
            LocalDateTime seenUntil = r.occurredAt().plusYears(settings.lookbackYears());
            for (RecordKey key : r.keys()) {
                if (!key.context()) {
                    continue;
                }
                int between = 0;
                for (RecordStore.KeyRow row : byKey.getOrDefault(key, List.of())) {
                    if (!row.occurredAt().isAfter(r.occurredAt())) {
                        continue;
                    }
                    if (between++ >= settings.maxContextRecords() || row.occurredAt().isAfter(seenUntil)
                            || later.size() >= settings.maxReevaluationsPerChange()) {
                        break;
                    }
                    first = first == null ? r.id() : first;
                    later.add(row.recordId());
                }
            }
        }
        return new LaterRecords(later, first);
    }
}
