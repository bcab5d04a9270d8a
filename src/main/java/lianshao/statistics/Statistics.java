package lianshao.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import lianshao.support.DisplayFormat;

/**
 * Counts warnings by the day their act occurred, in the office's zone ({@code lianshao.zone}, read by {@link DisplayFormat}), within
 * the reader's district (null: the whole city). The rows are read once and counted here, since the period of a
 * day depends on the zone, which the databases do not share a way to apply.
 */
@Service
public class Statistics {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ZoneId zone;

    Statistics(JdbcClient jdbc, MessageSource messages, DisplayFormat format) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.zone = format.zone();
    }

    /** Today in the office's zone (the default end of a range). */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public StatisticsReport count(StatisticsQuery q, String district) {
        Dimension by = q.by();
        // the act's day in the office's zone: from its start to the start of the day after the range
        LocalDateTime fromUtc = q.from().atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime toUtc = q.to().plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        String sql = "SELECT w.occurred_at, w.status, " + by.column + " AS dim, o.name AS org_name, w.title, w.title_en"
                + " FROM warning w LEFT JOIN org o ON o.code = w.org_code"
                + " WHERE w.occurred_at >= :from AND w.occurred_at < :to" + (district == null ? "" : " AND o.district = :district");
        var spec = jdbc.sql(sql).param("from", fromUtc).param("to", toUtc);
        if (district != null) {
            spec = spec.param("district", district);
        }
        DisposalGroup[] groups = DisposalGroup.values();
        Map<LocalDate, Map<String, long[]>> cells = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        spec.query(rs -> {
            LocalDate day = rs.getObject("occurred_at", LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
            String key = rs.getString("dim");
            key = key == null ? "" : key;
            if (by == Dimension.UNIT && rs.getString("org_name") != null) {
                names.putIfAbsent(key, rs.getString("org_name"));
            } else if (by == Dimension.RULE && rs.getString("title") != null) {
                String english = rs.getString("title_en");
                names.putIfAbsent(key, english != null && "en".equals(LocaleContextHolder.getLocale().getLanguage())
                        ? english : rs.getString("title"));
            }
            cells.computeIfAbsent(q.period().start(day), p -> new HashMap<>())
                    .computeIfAbsent(key, k -> new long[groups.length])[DisposalGroup.of(rs.getString("status")).ordinal()]++;
        });
        return report(q, cells, names);
    }

    private StatisticsReport report(StatisticsQuery q, Map<LocalDate, Map<String, long[]>> cells, Map<String, String> names) {
        DisposalGroup[] groups = DisposalGroup.values();
        List<StatisticsReport.Label> groupLabels = new ArrayList<>();
        for (DisposalGroup g : groups) {
            groupLabels.add(new StatisticsReport.Label(g.name(), text("stats.group." + g.name())));
        }
        Map<String, String> labels = new HashMap<>();
        List<StatisticsReport.Line> periods = new ArrayList<>();
        List<StatisticsReport.Row> rows = new ArrayList<>();
        Map<String, long[]> byKey = new HashMap<>();
        long[] all = new long[groups.length];
        for (LocalDate start = q.period().start(q.from()); !start.isAfter(q.to()); start = q.period().next(start)) {
            String periodKey = q.period().key(start);
            String periodLabel = text(q.period().messageKey(), q.period().messageArgs(start));
            long[] sum = new long[groups.length];
            Map<String, long[]> perKey = cells.getOrDefault(start, Map.of());
            List<StatisticsReport.Row> periodRows = new ArrayList<>();
            for (Map.Entry<String, long[]> e : perKey.entrySet()) {
                String label = labels.computeIfAbsent(e.getKey(), k -> label(q.by(), k, names));
                periodRows.add(new StatisticsReport.Row(periodKey, periodLabel, e.getKey(), label, counts(e.getValue()), sum(e.getValue())));
                add(sum, e.getValue());
                add(byKey.computeIfAbsent(e.getKey(), k -> new long[groups.length]), e.getValue());
            }
            periodRows.sort(Comparator.comparing(StatisticsReport.Row::label).thenComparing(StatisticsReport.Row::key));
            rows.addAll(periodRows);
            periods.add(new StatisticsReport.Line(periodKey, periodLabel, counts(sum), sum(sum)));
            add(all, sum);
        }
        List<StatisticsReport.Line> keys = new ArrayList<>();
        byKey.forEach((key, c) -> keys.add(new StatisticsReport.Line(key, labels.get(key), counts(c), sum(c))));
        keys.sort(Comparator.comparingLong(StatisticsReport.Line::total).reversed().thenComparing(StatisticsReport.Line::label));
        return new StatisticsReport(q.from(), q.to(), q.period(), q.by(), zone.getId(), groupLabels, periods, keys, rows,
                new StatisticsReport.Counts(counts(all), sum(all)));
    }

    /** Names, not codes: a domain's and a form's label, an organisation's registered name, a rule's id and title. */
    private String label(Dimension by, String key, Map<String, String> names) {
        return switch (by) {
            case DOMAIN -> messages.getMessage("domain." + key, null, key, LocaleContextHolder.getLocale());
            case FORM -> messages.getMessage("form." + key, null, key, LocaleContextHolder.getLocale());
            case UNIT -> names.getOrDefault(key, key);
            case RULE -> names.containsKey(key) ? key + " " + names.get(key) : key;
            case DISTRICT -> key;
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static Map<String, Long> counts(long[] values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DisposalGroup g : DisposalGroup.values()) {
            counts.put(g.name(), values[g.ordinal()]);
        }
        return counts;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }
}
