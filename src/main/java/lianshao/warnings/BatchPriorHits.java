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
 * <p>The records outside the batch are read per subject, rule and window (the 12 months before a record's day), newest
 * first and no more than the count needs: a subject hit thousands of times costs as much as one hit a few times. The
 * windows of many records are read in one statement, a UNION ALL branch each. The batch's own records are left out of what is
 * read and counted in memory instead, each as the database holds it until its hits are applied and as applied after,
 * so that a record sees the warnings of the records before it in the batch, in order, as it would if they had been
 * written one by one.
 */
final class BatchPriorHits {

    /** A subject row of a still-hitting warning, as G2 counts it: the day is the UTC day of its record's time. */
    record Row(String subjectRef, String ruleId, LocalDate day) {
    }

    private static final int CAP = SubjectHistory.PRIOR_HITS_COUNTED;
    /** Windows per statement: each is one branch of a UNION ALL. */
    private static final int WINDOWS_PER_READ = 50;

    private final JdbcClient jdbc;
    private final Set<String> recordIds;
    private final Supplier<Map<String, Set<Row>>> readStored;
    private Map<String, Set<Row>> stored;
    private final Map<String, Set<Row>> applied = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    /** Per pair, what was read of it, each read for its own window. */
    private final Map<Warnings.SubjectRule, List<Outside>> outside = new HashMap<>();

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

    /** Reads the windows no read of their pair knows yet: one statement per 50 windows. */
    void load(Collection<Warnings.HitWindow> windows) {
        List<Warnings.HitWindow> missing = new LinkedHashSet<>(windows).stream()
                .filter(w -> outside.getOrDefault(w.pair(), List.of()).stream().noneMatch(r -> r.knows(w.from(), w.to()))).toList();
        read(missing).forEach((w, r) -> outside.computeIfAbsent(w.pair(), p -> new ArrayList<>()).add(r));
    }

    /** Other records on which the rule hit the subject within [from, to], up to the cap; {@code excludingRecordId} is one of the batch. */
    int count(String ruleId, String subjectRef, LocalDate from, LocalDate to, String excludingRecordId) {
        Warnings.SubjectRule pair = new Warnings.SubjectRule(subjectRef, ruleId);
        int own = 0;
        for (String recordId : recordIds) {
            if (!recordId.equals(excludingRecordId) && current(recordId).stream().anyMatch(r -> r.subjectRef().equals(subjectRef)
                    && r.ruleId().equals(ruleId) && !r.day().isBefore(from) && !r.day().isAfter(to))) {
                own++;
            }
        }
        List<Outside> reads = outside.getOrDefault(pair, List.of());
        for (Outside read : reads) {
            if (read.knows(from, to)) {
                return Math.min(read.count(from, to) + own, CAP);
            }
        }
        // what was read for other windows may already decide: at least the cap
        if (reads.stream().mapToInt(r -> r.count(from, to)).max().orElse(0) + own >= CAP) {
            return CAP;
        }
        Warnings.HitWindow window = new Warnings.HitWindow(pair, from, to);
        Outside read = read(List.of(window)).get(window);
        outside.computeIfAbsent(pair, p -> new ArrayList<>()).add(read);
        return Math.min(read.count(from, to) + own, CAP);
    }

    /**
     * Per window, the pair's rows within it newest first, as many as the cap needs once the batch's own records are left
     * out: the rows of the batch's records the database holds for the pair are read too, then dropped.
     */
    private Map<Warnings.HitWindow, Outside> read(List<Warnings.HitWindow> windows) {
        Map<Warnings.HitWindow, Outside> read = new LinkedHashMap<>();
        for (List<Warnings.HitWindow> chunk : Chunks.of(windows, WINDOWS_PER_READ)) {
            StringBuilder sql = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            List<Integer> limits = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Warnings.HitWindow w = chunk.get(i);
                int limit = CAP + ownRowsInDatabase(w.pair());
                limits.add(limit);
                sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(i).append(" AS branch, s.record_id, s.occurred_at")
                        .append(" FROM warning_subject s JOIN warning w ON w.id = s.warning_id WHERE s.subject_ref = :s").append(i)
                        .append(" AND s.rule_id = :r").append(i).append(" AND w.still_hits = TRUE AND s.occurred_at >= :f").append(i)
                        .append(" AND s.occurred_at < :t").append(i).append(" ORDER BY s.occurred_at DESC LIMIT :l").append(i).append(')');
                params.put("s" + i, w.pair().subjectRef());
                params.put("r" + i, w.pair().ruleId());
                params.put("f" + i, w.from().atStartOfDay());
                params.put("t" + i, w.to().plusDays(1).atStartOfDay());
                params.put("l" + i, limit);
            }
            List<List<Object[]>> rows = new ArrayList<>();
            chunk.forEach(w -> rows.add(new ArrayList<>()));
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                rows.get(rs.getInt(1)).add(new Object[] {rs.getString(2), rs.getObject(3, LocalDateTime.class)});
            });
            for (int i = 0; i < chunk.size(); i++) {
                List<Object[]> found = rows.get(i);
                boolean capped = found.size() >= limits.get(i);
                LocalDate oldest = capped ? found.stream().map(r -> ((LocalDateTime) r[1]).toLocalDate()).min(LocalDate::compareTo)
                        .orElseThrow() : null;
                Outside counts = new Outside(chunk.get(i).from(), chunk.get(i).to(), oldest);
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
            byDay.merge(day, 1, Integer::sum);
        }

        /** Whether every hit within [start, end] was read. */
        boolean knows(LocalDate start, LocalDate end) {
            return !end.isAfter(to) && (oldest == null ? !start.isBefore(from) : start.isAfter(oldest));
        }

        /** The hits read within [start, end]: all of them when {@link #knows}, else at least that many. */
        int count(LocalDate start, LocalDate end) {
            return end.isBefore(start) ? 0 : byDay.subMap(start, true, end, true).values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
