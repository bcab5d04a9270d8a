package lianshao.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import lianshao.security.CurrentUser;
import lianshao.statistics.Dimension;
import lianshao.statistics.Period;
import lianshao.statistics.Statistics;
import lianshao.statistics.StatisticsExport;
import lianshao.statistics.StatisticsQuery;
import lianshao.statistics.StatisticsReport;
import lianshao.warnings.AccessLog;
import lianshao.web.ValidationFailed;

/**
 * The statistics report (统计报表): a filter form, bars drawn as SVG on the server (no script, prints as it
 * shows), the totals per value and the table per period; within the user's data scope; printable and exported
 * as XLSX.
 */
@Controller
class StatisticsPages {

    private final Statistics statistics;
    private final StatisticsExport export;
    private final AccessLog accessLog;
    private final ConsoleText text;
    private final Me me;

    StatisticsPages(Statistics statistics, StatisticsExport export, AccessLog accessLog, ConsoleText text, Me me) {
        this.statistics = statistics;
        this.export = export;
        this.accessLog = accessLog;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, @RequestParam(required = false) String by, Model model,
            Authentication auth) {
        CurrentUser user = me.of(auth);
        StatisticsQuery query;
        try {
            query = StatisticsQuery.parse(from, to, period, by, statistics.today());
        } catch (ValidationFailed e) {
            model.addAttribute("error", String.join("; ", e.errors().stream().map(f -> f.field() + ": " + ConsoleText.pick(f.message())).toList()));
            query = StatisticsQuery.parse(null, null, null, null, statistics.today());
        }
        StatisticsReport report = statistics.count(query, user.district());
        model.addAttribute("q", query);
        model.addAttribute("report", report);
        model.addAttribute("periods", Period.values());
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("periodBars", Bars.of(report.periods(), report.groups()));
        model.addAttribute("keyBars", Bars.of(report.keys(), report.groups()));
        model.addAttribute("range", text.text("stats.range", query.from().toString(), query.to().toString(),
                text.text("stats.period." + query.period().name()), text.text("stats.by." + query.by().name())));
        model.addAttribute("exportUrl", "/statistics/export.xlsx?" + query.parameters());
        return "statistics";
    }

    @GetMapping("/statistics/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, @RequestParam(required = false) String by, Authentication auth) {
        CurrentUser user = me.of(auth);
        StatisticsQuery query = StatisticsQuery.parse(from, to, period, by, statistics.today());
        byte[] body = export.xlsx(statistics.count(query, user.district()));
        accessLog.opened(user.username(), "EXPORT", query.describe(), "CONSOLE");
        return WarningPages.xlsx(body, "statistics.xlsx");
    }

    /**
     * Horizontal stacked bars in SVG user units: a label column, then per disposal group a segment scaled to the
     * largest total. The geometry is computed here so that the page needs neither script nor style attributes.
     */
    record Bars(int height, List<Bar> bars) {

        static final int ROW = 26;
        static final int LEFT = 200;
        static final int WIDTH = 420;

        record Bar(String label, long total, int y, int textY, int totalX, List<Segment> segments) {
        }

        record Segment(String group, String label, long count, int x, int width) {
        }

        static Bars of(List<StatisticsReport.Line> lines, List<StatisticsReport.Label> groups) {
            long max = Math.max(1, lines.stream().mapToLong(StatisticsReport.Line::total).max().orElse(1));
            List<Bar> bars = new ArrayList<>();
            int y = 4;
            for (StatisticsReport.Line line : lines) {
                List<Segment> segments = new ArrayList<>();
                long before = 0;
                for (StatisticsReport.Label g : groups) {
                    long count = line.counts().getOrDefault(g.key(), 0L);
                    if (count > 0) {
                        int x = LEFT + (int) (WIDTH * before / max);
                        int end = LEFT + (int) (WIDTH * (before + count) / max);
                        segments.add(new Segment(g.key(), g.label(), count, x, Math.max(1, end - x)));
                    }
                    before += count;
                }
                bars.add(new Bar(line.label(), line.total(), y, y + 15, LEFT + (int) (WIDTH * line.total() / max) + 6, segments));
                y += ROW;
            }
            return new Bars(y + 4, bars);
        }
    }
}
