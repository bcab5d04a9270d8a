package lianshao.records;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Key rows a transaction has read already: those of {@code keys} of records that occurred at or after {@code from}.
 * Storing new records reads them to find the later records a late arrival changes; judging the same records in the
 * same transaction takes its earlier records from them instead of asking again.
 */
record KeyRowsRead(Set<RecordKey> keys, LocalDateTime from, List<RecordStore.KeyRow> rows) {

    /** The rows of the keys in [from, to], when these rows hold all of them. */
    Optional<List<RecordStore.KeyRow>> covering(Collection<RecordKey> wanted, LocalDateTime wantedFrom, LocalDateTime to) {
        if (!keys.containsAll(wanted) || wantedFrom.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> wanted.contains(new RecordKey(r.name(), r.value())))
                .filter(r -> !r.occurredAt().isBefore(wantedFrom) && (to == null || !r.occurredAt().isAfter(to))).toList());
    }
}
