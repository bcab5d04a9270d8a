package lianshao.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import lianshao.security.CurrentUser;
import lianshao.support.Json;
import lianshao.warnings.SystemRiskPoint;

/**
 * Sign-in and the dashboard: open warnings by form and by domain, the weekly trend, the overdue
 * count, the evaluations that could not complete (SYS-01), top rules and top organisations, all within the
 * user's data scope. The charts (ECharts,
 * served from the app) read a JSON island the server renders; the same counts are on the page as text.
 */
@Controller
class ConsoleController {

    static final int WEEKS = 12;
    private static final int TOP = 8;

    private final ConsoleQueries queries;
    private final ConsoleText text;
    private final Me me;

    ConsoleController(ConsoleQueries queries, ConsoleText text, Me me) {
        this.queries = queries;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        String district = user.district();
        Map<Integer, Long> byForm = queries.openByForm(district);
        Map<String, Long> byDomain = queries.openByDomain(district);
        List<ConsoleQueries.Week> weeks = queries.weekly(district, WEEKS);
        List<ConsoleQueries.Count> topRules = queries.topRules(district, TOP);
        List<ConsoleQueries.Count> topOrgs = queries.topOrgs(district, TOP);
        long open = byForm.values().stream().mapToLong(Long::longValue).sum();
        long overdue = queries.overdue(district);

        model.addAttribute("byForm", byForm);
        model.addAttribute("byDomain", byDomain);
        model.addAttribute("weeks", weeks);
        model.addAttribute("topRules", topRules);
        model.addAttribute("topOrgs", topOrgs);
        model.addAttribute("open", open);
        model.addAttribute("overdue", overdue);
        model.addAttribute("incomplete", queries.incompleteEvaluations(district));
        model.addAttribute("incompleteRuleId", SystemRiskPoint.EVALUATION_INCOMPLETE.id());

        Map<String, Object> charts = new LinkedHashMap<>();
        List<Map<String, Object>> forms = new ArrayList<>();
        byForm.forEach((form, count) -> forms.add(Map.of("name", text.text("form." + form), "value", count)));
        charts.put("byForm", forms);
        List<Map<String, Object>> domains = new ArrayList<>();
        byDomain.forEach((domain, count) -> domains.add(Map.of("name", text.text("domain." + domain), "value", count)));
        charts.put("byDomain", domains);
        charts.put("trend", Map.of(
                "weeks", weeks.stream().map(w -> w.start().toString().substring(5)).toList(),
                "raised", weeks.stream().map(ConsoleQueries.Week::raised).toList(),
                "decided", weeks.stream().map(ConsoleQueries.Week::decided).toList(),
                "raisedName", text.text("dashboard.raised"), "decidedName", text.text("dashboard.decided")));
        charts.put("topRules", bars(topRules));
        charts.put("topOrgs", bars(topOrgs));
        charts.put("countName", text.text("dashboard.count"));
        model.addAttribute("chartData", island(charts));
        return "dashboard";
    }

    private static Map<String, Object> bars(List<ConsoleQueries.Count> counts) {
        return Map.of("names", counts.stream().map(ConsoleQueries.Count::label).toList(),
                "values", counts.stream().map(ConsoleQueries.Count::count).toList());
    }

    /** JSON safe to place inside a {@code <script>} element: no "<" can close it. */
    static String island(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
