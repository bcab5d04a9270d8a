package lianshao.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import lianshao.grading.SupervisionForm;
import lianshao.warnings.WarningFilter;
import lianshao.warnings.Warnings;

/** Sign-in and the overview: open warnings by form and the latest warnings. */
@Controller
class ConsoleController {

    private final Warnings warnings;
    private final JdbcClient jdbc;

    ConsoleController(Warnings warnings, JdbcClient jdbc) {
        this.warnings = warnings;
        this.jdbc = jdbc;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String overview(Model model) {
        Map<Integer, Long> byForm = new LinkedHashMap<>();
        for (SupervisionForm form : SupervisionForm.values()) {
            byForm.put(form.number(), 0L);
        }
        jdbc.sql("SELECT form, COUNT(*) FROM warning WHERE still_hits = TRUE AND status NOT IN ('CLOSED', 'DISMISSED') GROUP BY form")
                .query(rs -> {
                    byForm.put(rs.getInt(1), rs.getLong(2));
                });
        model.addAttribute("byForm", byForm);
        model.addAttribute("latest", warnings.list(new WarningFilter(null, null, null, null, null, null, null, null), 0, 20));
        return "overview";
    }
}
