package lianshao.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Counts of warnings by the period of the act and a dimension, each split by disposal group. Labels are in the
 * reader's language (names, not codes); {@code key} keeps the code.
 *
 * @param periods every period of the range, in order, with its totals (empty ones too)
 * @param keys    the dimension's values that have warnings in the range, with totals, largest first
 * @param rows    one row per period and value that has warnings, ordered by period then label
 * @param total   all warnings counted
 */
public record StatisticsReport(LocalDate from, LocalDate to, Period period, Dimension by, String zone,
        List<Label> groups, List<Line> periods, List<Line> keys, List<Row> rows, Counts total) {

    /** A code and its label. */
    public record Label(String key, String label) {
    }

    /** Counts by disposal group (every group, zeros too) and their sum. */
    public record Counts(Map<String, Long> counts, long total) {
    }

    /** A period or a dimension value with its counts. */
    public record Line(String key, String label, Map<String, Long> counts, long total) {
    }

    /** The counts of one dimension value in one period. */
    public record Row(String period, String periodLabel, String key, String label, Map<String, Long> counts, long total) {
    }
}
