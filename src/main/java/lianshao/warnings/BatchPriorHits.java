package lianshao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import lianshao.grading.SubjectHistory;
import lianshao.support.Chunks;

/**
 * Grading's count of earlier hits (G2: other records on which a rule hit a subject within a window, as
 * {@link Warnings#priorHits} counts them, up to {@link SubjectHistory#PRIOR_HITS_COUNTED}) for the records of one
 * evaluation batch, without a statement per hit.
 *
 * <p>The records outside the batch are read per subject and rule, newest first and no more than the count needs: a
 * subject hit thousands of times costs as much as one hit a few times. The batch's own records are left out of what is
 * read and counted in memory instead, each as the database holds it until its hits are applied and as applied after,
 * so that a record sees the warnings of the records before it in the batch, in order, as it would if they had been
 * written one by one.
 */
final class BatchPriorHits {

    /** A subject row of a still-hitting warning, as G2 counts it: the day is the UTC day of its record's time. */
    record Row(String subjectRef, String ruleId, LocalDate day) {
    }

    private static final int CAP = SubjectHistory.PRIOR_HITS_COUNTED;
    /** Pairs per statement: each is one branch of a UNION ALL. */
    private static final int PAIRS_PER_READ = 50;

    private final JdbcClient jdbc;
    private final Set<String> recordIds;
    private final Supplier<Map<String, Set<Row>>> readStored;
    private Map<String, Set<Row>> stored;
    private final Map<String, Set<Row>> applied = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<Warnings.SubjectRule, Outside> outside = new HashMap<>();
    /** Subjects whose hits were read whole (every rule) for a window: a rule without a row there has none. */
    private final Map<String, Outside> wholeSubjects = new HashMap<>();

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

    /**
     * Reads the hits outside the batch of these subjects within [from, to], every rule, counted by rule and day (one
     * statement per 500 subjects): a batch of many records reads the parties they name once, instead of a read per
     * record. It reads every such row of the subjects; {@link #load} reads at most the cap a pair.
     */
    void loadSubjects(Collection<String> subjectRefs, LocalDate from, LocalDate to) {
        List<String> missing = subjectRefs.stream().distinct()
                .filter(s -> wholeSubjects.get(s) == null || !wholeSubjects.get(s).knows(from, to)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Warnings.SubjectRule, Outside> read = new HashMap<>();
        Set<String> asked = Set.copyOf(missing);
        for (List<String> refs : Chunks.of(missing)) {
            jdbc.sql("""
                    SELECT s.subject_ref, s.rule_id, CAST(s.occurred_at AS DATE), COUNT(DISTINCT s.record_id)
                    FROM warning_subject s JOIN warning w ON w.id = s.warning_id
                    WHERE s.subject_ref IN (:subjects) AND w.still_hits = TRUE AND s.occurred_at >= :from AND s.occurred_at < :to
                    GROUP BY s.subject_ref, s.rule_id, CAST(s.occurred_at AS DATE)""")
                    .param("subjects", refs).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                    .query(rs -> {
                        read.computeIfAbsent(new Warnings.SubjectRule(rs.getString(1), rs.getString(2)), p -> new Outside(from, to, null))
                                .add(rs.getObject(3, LocalDate.class), rs.getInt(4));
                    });
        }
        // the batch's records as the database holds them now are counted in memory instead
        for (String recordId : recordIds) {
            for (Row row : inDatabase(recordId)) {
                if (asked.contains(row.subjectRef()) && !row.day().isBefore(from) && !row.day().isAfter(to)) {
                    read.computeIfAbsent(new Warnings.SubjectRule(row.subjectRef(), row.ruleId()), p -> new Outside(from, to, null))
                            .add(row.day(), -1);
                }
            }
        }
        missing.forEach(subject -> wholeSubjects.put(subject, new Outside(from, to, null)));
        outside.putAll(read);
    }

    /** Reads, for the pairs not read yet up to {@code to}, the hits outside the batch within [from, to]: one statement per 50 pairs. */
    void load(Collection<Warnings.SubjectRule> pairs, LocalDate from, LocalDate to) {
        List<Warnings.SubjectRule> missing = new ArrayList<>();
        for (Warnings.SubjectRule pair : new LinkedHashSet<>(pairs)) {
            Outside whole = wholeSubjects.get(pair.subjectRef());
            if (whole != null && whole.knows(from, to) && (outside.get(pair) == null || !outside.get(pair).knows(from, to))) {
                outside.put(pair, new Outside(whole.from, whole.to, null));   // no hit of the rule on the subject there
            } else if (outside.get(pair) == null || outside.get(pair).to.isBefore(to)) {
                missing.add(pair);
            }
        }
        read(missing, from, to).forEach(outside::put);
    }

    /** Other records on which the rule hit the subject within [from, to], up to the cap; {@code excludingRecordId} is one of the batch. */
    int count(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        Warnings.SubjectRule pair = new Warnings.SubjectRule(subjectRef, ruleId);
        load(List.of(pair), from, to);
        int own = 0;
        for (String recordId : recordIds) {
            if (!recordId.equals(excludingRecordId) && current(recordId).stream().anyMatch(r -> r.subjectRef().equals(subjectRef)
                    && r.ruleId().equals(ruleId) && !r.day().isBefore(from) && !r.day().isAfter(to))) {
                own++;
            }
        }
        Outside read = outside.get(pair);
        if (!read.knows(from, to)) {
            if (read.atLeast(from, to) + own >= CAP) {
                return CAP;
            }
            // what was read for a later or longer window stopped before this one's start: read this window alone
            read = read(List.of(pair), from, to).get(pair);
            outside.put(pair, read);
        }
        return Math.min(read.count(from, to) + own, CAP);
    }

    /**
     * Per pair, its rows within [from, to] newest first, as many as the cap needs once the batch's own records are left
     * out: the rows of the batch's records the database holds for the pair are read too, then dropped.
     */
    private Map<Warnings.SubjectRule, Outside> read(List<Warnings.SubjectRule> pairs, LocalDate from, LocalDate to) {
        Map<Warnings.SubjectRule, Outside> read = new LinkedHashMap<>();
        for (List<Warnings.SubjectRule> chunk : Chunks.of(pairs, PAIRS_PER_READ)) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            params.put("from", from.atStartOfDay());
            params.put("to", to.plusDays(1).atStartOfDay());
            List<Integer> limits = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Warnings.SubjectRule pair = chunk.get(i);
                int limit = CAP + ownRowsInDatabase(pair);
                limits.add(limit);
                sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(i).append(" AS branch, s.record_id, s.occurred_at")
                        .append(" FROM warning_subject s JOIN warning w ON w.id = s.warning_id WHERE s.subject_ref = :s").append(i)
                        .append(" AND s.rule_id = :r").append(i).append(" AND w.still_hits = TRUE")
                        .append(" AND s.occurred_at >= :from AND s.occurred_at < :to ORDER BY s.occurred_at DESC LIMIT :l")
                        .append(i).append(')');
                params.put("s" + i, pair.subjectRef());
                params.put("r" + i, pair.ruleId());
                params.put("l" + i, limit);
            }
            List<List<Object[]>> rows = new ArrayList<>();
            chunk.forEach(p -> rows.add(new ArrayList<>()));
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                rows.get(rs.getInt(1)).add(new Object[] {rs.getString(2), rs.getObject(3, LocalDateTime.class)});
            });
            for (int i = 0; i < chunk.size(); i++) {
                List<Object[]> found = rows.get(i);
                boolean capped = found.size() >= limits.get(i);
                LocalDate oldest = capped ? found.stream().map(r -> ((LocalDateTime) r[1]).toLocalDate()).min(LocalDate::compareTo)
                        .orElseThrow() : null;
                Outside counts = new Outside(from, to, oldest);
                for (Object[] row : found) {
                    if (!recordIds.contains((String) row[0])) {
                        counts.add(((LocalDateTime) row[1]).toLocalDate());
                    }
                }
                read.put(chunk.get(i), counts);
            }
        }
        return read;
    }

    /** How many of the batch's records the database holds a row of the pair for, now. */
    private int ownRowsInDatabase(Warnings.SubjectRule pair) {
        int n = 0;
        for (String recordId : recordIds) {
            if (inDatabase(recordId).stream().anyMatch(r -> r.subjectRef().equals(pair.subjectRef()) && r.ruleId().equals(pair.ruleId()))) {
                n++;
            }
        }
        return n;
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

    /**
     * One pair's hits outside the batch, by day, read for [from, to] newest first. When the read stopped at its limit
     * ({@code oldest} is the day of the last row read), only the days after {@code oldest} are known whole.
     */
    private static final class Outside {
        private final LocalDate from;
        private final LocalDate to;
        private final LocalDate oldest;
        private final NavigableMap<LocalDate, Integer> byDay = new TreeMap<>();

        Outside(LocalDate from, LocalDate to, LocalDate oldest) {
            this.from = from;
            this.to = to;
            this.oldest = oldest;
        }

        void add(LocalDate day) {
            add(day, 1);
        }

        void add(LocalDate day, int records) {
            byDay.merge(day, records, Integer::sum);
        }

        /** Whether every hit within [start, end] was read. */
        boolean knows(LocalDate start, LocalDate end) {
            return !end.isAfter(to) && (oldest == null ? !start.isBefore(from) : start.isAfter(oldest));
        }

        /** The hits read within [start, end]: all of them when {@link #knows}, else at least that many. */
        int atLeast(LocalDate start, LocalDate end) {
            return end.isBefore(start) ? 0 : byDay.subMap(start, true, end, true).values().stream().mapToInt(Integer::intValue).sum();
        }

        int count(LocalDate start, LocalDate end) {
            return atLeast(start, end);
        }
    }
}
