package lianshao.warnings;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import lianshao.support.Chunks;

/**
 * Grading's count of earlier hits (G2: other records on which a rule hit a subject within a window, as
 * {@link Warnings#priorHits} counts them) for the records of one evaluation batch, without a statement per hit. The
 * records outside the batch are counted by the database, grouped by subject, rule and day, once for all the subjects
 * asked; the batch's own records are counted in memory, each as the database holds it until its hits are applied and as
 * applied after, so that a record sees the warnings of the records before it in the batch, in order, as it would if
 * they had been written one by one.
 */
final class BatchPriorHits {

    /** A subject row of a still-hitting warning, as G2 counts it: the day is the UTC day of its record's time. */
    record Row(String subjectRef, String ruleId, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final Set<String> recordIds;
    private final Supplier<Map<String, Set<Row>>> readStored;
    private Map<String, Set<Row>> stored;
    private final Map<String, Set<Row>> applied = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<String, Outside> outside = new HashMap<>();

    /**
     * {@code stored}: reads the rows the batch's records have in the database before they are applied (asked once, when
     * first needed).
     */
    BatchPriorHits(JdbcClient jdbc, Collection<String> recordIds, Supplier<Map<String, Set<Row>>> stored) {
        this.jdbc = jdbc;
        this.recordIds = Set.copyOf(recordIds);
        this.readStored = stored;
    }

    boolean covers(String recordId) {
        return recordIds.contains(recordId);
    }

    /** The record's hits have been applied (not yet written): these rows are its own from now on. */
    void applied(String recordId, Set<Row> rows) {
        applied.put(recordId, Set.copyOf(rows));
    }

    /** What was applied so far has been written to the database. */
    void written() {
        written.addAll(applied.keySet());
    }

    /** Reads the counts outside the batch for the subjects not read yet for [from, to]: one statement (per 500 subjects). */
    void load(Collection<String> subjectRefs, LocalDate from, LocalDate to) {
        List<String> missing = subjectRefs.stream().distinct()
                .filter(s -> outside.get(s) == null || !outside.get(s).covers(from, to)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Outside> read = new HashMap<>();
        missing.forEach(s -> read.put(s, new Outside(from, to)));
        for (List<String> refs : Chunks.of(missing)) {
            jdbc.sql("""
                    SELECT s.subject_ref, s.rule_id, CAST(s.occurred_at AS DATE), COUNT(DISTINCT s.record_id)
                    FROM warning_subject s JOIN warning w ON w.id = s.warning_id
                    WHERE s.subject_ref IN (:subjects) AND w.still_hits = TRUE AND s.occurred_at >= :from AND s.occurred_at < :to
                    GROUP BY s.subject_ref, s.rule_id, CAST(s.occurred_at AS DATE)""")
                    .param("subjects", refs).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                    .query(rs -> {
                        Outside counts = read.get(rs.getString(1));
                        if (counts != null) {
                            counts.add(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4));
                        }
                    });
        }
        // the batch's records as the database holds them now are counted in memory instead
        for (String recordId : recordIds) {
            for (Row row : inDatabase(recordId)) {
                Outside counts = read.get(row.subjectRef());
                if (counts != null && counts.covers(row.day(), row.day())) {
                    counts.add(row.ruleId(), row.day(), -1);
                }
            }
        }
        outside.putAll(read);
    }

    /** Other records on which the rule hit the subject within [from, to]; {@code excludingRecordId} is one of the batch. */
    int count(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        load(List.of(subjectRef), from, to);
        int count = outside.get(subjectRef).count(ruleId, from, to);
        for (String recordId : recordIds) {
            if (!recordId.equals(excludingRecordId) && current(recordId).stream().anyMatch(r -> r.subjectRef().equals(subjectRef)
                    && r.ruleId().equals(ruleId) && !r.day().isBefore(from) && !r.day().isAfter(to))) {
                count++;
            }
        }
        return count;
    }

    private Set<Row> current(String recordId) {
        Set<Row> rows = applied.get(recordId);
        return rows != null ? rows : stored(recordId);
    }

    private Set<Row> inDatabase(String recordId) {
        return written.contains(recordId) ? applied.get(recordId) : stored(recordId);
    }

    private Set<Row> stored(String recordId) {
        if (stored == null) {
            stored = readStored.get();
        }
        return stored.getOrDefault(recordId, Set.of());
    }

    /** One subject's counts outside the batch, by rule and day, read for [from, to]. */
    private static final class Outside {
        private final LocalDate from;
        private final LocalDate to;
        private final Map<String, NavigableMap<LocalDate, Integer>> byRule = new HashMap<>();

        Outside(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        boolean covers(LocalDate start, LocalDate end) {
            return !start.isBefore(from) && !end.isAfter(to);
        }

        void add(String ruleId, LocalDate day, int records) {
            byRule.computeIfAbsent(ruleId, r -> new TreeMap<>()).merge(day, records, Integer::sum);
        }

        int count(String ruleId, LocalDate start, LocalDate end) {
            NavigableMap<LocalDate, Integer> days = byRule.get(ruleId);
            return days == null ? 0 : days.subMap(start, true, end, true).values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
