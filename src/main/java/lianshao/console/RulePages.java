package lianshao.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleMetadata;
import lianshao.security.CurrentUser;

/**
 * The coverage map (the plan's measures M1–M19 against the rules that implement them, with hit
 * counts, so gaps show) and rule quality (hits, confirmed vs dismissed, suggested vs decided form).
 * Counts within the user's data scope.
 */
@Controller
class RulePages {

    static final int MEASURES = 19;

    private final ActiveRuleSet rules;
    private final ConsoleQueries queries;
    private final Me me;

    RulePages(ActiveRuleSet rules, ConsoleQueries queries, Me me) {
        this.rules = rules;
        this.queries = queries;
        this.me = me;
    }

    /** A rule as the rule pages show it. */
    record RuleRow(String id, String title, int form, List<String> clauses, ConsoleQueries.RuleStats stats) {
    }

    private List<RuleRow> rows(CurrentUser user) {
        Map<String, ConsoleQueries.RuleStats> stats = queries.ruleStats(user.district());
        List<RuleRow> rows = new ArrayList<>();
        rules.get().rulesById().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(r -> rows.add(new RuleRow(r.id(),
                title(r), r.form(), r.clauses(), stats.getOrDefault(r.id(),
                        new ConsoleQueries.RuleStats(r.id(), 0, 0, 0, 0, 0, 0, 0, Map.of())))));
        return rows;
    }

    private static String title(RuleMetadata r) {
        return ConsoleText.english() && r.titleEn() != null ? r.titleEn() : r.title();
    }

    @GetMapping("/coverage")
    String coverage(Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        List<RuleRow> rows = rows(user);
        List<Map<String, Object>> measures = new ArrayList<>();
        int covered = 0;
        for (int m = 1; m <= MEASURES; m++) {
            String code = "M" + m;
            List<RuleRow> implementing = rows.stream().filter(r -> r.clauses().contains(code)).toList();
            long hits = implementing.stream().mapToLong(r -> r.stats().hits()).sum();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", code);
            row.put("rules", implementing);
            row.put("hits", hits);
            row.put("gap", implementing.isEmpty());
            measures.add(row);
            if (!implementing.isEmpty()) {
                covered++;
            }
        }
        model.addAttribute("measures", measures);
        model.addAttribute("covered", covered);
        model.addAttribute("total", MEASURES);
        model.addAttribute("ruleCount", rows.size());
        return "coverage";
    }

    @GetMapping("/rules/quality")
    String quality(Model model, Authentication auth) {
        model.addAttribute("rules", rows(me.of(auth)));
        return "rule-quality";
    }
}
