package lianshao.authoring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.web.JsonBodies;
import lianshao.web.ValidationFailed;

/**
 * Backtests of a rule-set version: start, progress and differences, the difference list as JSON or CSV, cancel.
 * A backtest runs over the whole city; what a person reads of it (differences and their counts) lies within their
 * data scope.
 */
@RestController
@RequestMapping("/api/v1/rule-sets/{version}/backtests")
class BacktestController {

    private static final Set<String> CHANGES = Set.of("APPEAR", "DISAPPEAR", "CHANGE");
    private static final int CSV_LIMIT = 1_000_000;

    private final Backtests backtests;
    private final JsonBodies bodies;
    private final CurrentUsers users;

    BacktestController(Backtests backtests, JsonBodies bodies, CurrentUsers users) {
        this.backtests = backtests;
        this.bodies = bodies;
        this.users = users;
    }

    /** The caller's data scope: differences and their counts of records of this district only (null: the whole city). */
    private String district(Authentication auth) {
        return users.of(auth).map(CurrentUser::district).orElse(null);
    }

    /** {@code {"from": "2026-01-01", "to": "2026-03-31"}}: days of occurredAt, both inclusive. */
    @PostMapping
    ResponseEntity<BacktestView> start(@PathVariable int version, HttpServletRequest request, Authentication user) {
        JsonNode body = bodies.read(request);
        BacktestView view = backtests.view(backtests.start(version, date(body, "from"), date(body, "to"), user.getName()).id(),
                version, district(user));
        return ResponseEntity.accepted().location(URI.create("/api/v1/rule-sets/" + version + "/backtests/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    BacktestView get(@PathVariable int version, @PathVariable String id, Authentication auth) {
        return backtests.view(id, version, district(auth));
    }

    @GetMapping("/{id}/items")
    List<BacktestItem> items(@PathVariable int version, @PathVariable String id, @RequestParam(required = false) String change,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset, Authentication auth) {
        if (change != null && !CHANGES.contains(change)) {
            throw ValidationFailed.of("change", "应为 APPEAR、DISAPPEAR 或 CHANGE / must be APPEAR, DISAPPEAR or CHANGE");
        }
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ValidationFailed.of("limit", "limit 1–1000, offset ≥ 0");
        }
        return backtests.items(id, version, change, limit, offset, district(auth));
    }

    @GetMapping("/{id}/items.csv")
    ResponseEntity<byte[]> csv(@PathVariable int version, @PathVariable String id, Authentication auth) {
        StringBuilder out = new StringBuilder("\uFEFFrecordId,externalId,ruleId,change,domain,orgCode,occurredAt,formBefore,formAfter,message\n");
        for (BacktestItem i : backtests.items(id, version, null, CSV_LIMIT, 0, district(auth))) {
            out.append(String.join(",", cell(i.recordId()), cell(i.externalId()), cell(i.ruleId()), cell(i.change()),
                    cell(i.domain()), cell(i.orgCode()), cell(String.valueOf(i.occurredAt())), cell(i.formBefore()),
                    cell(i.formAfter()), cell(i.message()))).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backtest-" + id + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @DeleteMapping("/{id}")
    BacktestView cancel(@PathVariable int version, @PathVariable String id, Authentication user) {
        backtests.cancel(id, version, user.getName());
        return backtests.view(id, version, district(user));
    }

    @PostMapping("/{id}/cancel")
    BacktestView cancelByPost(@PathVariable int version, @PathVariable String id, Authentication user) {
        return cancel(version, id, user);
    }

    private static LocalDate date(JsonNode body, String field) {
        try {
            return LocalDate.parse(body.path(field).asString(""));
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(field, "应为日期，如 2026-01-01 / must be a date such as 2026-01-01");
        }
    }

    /** A CSV cell; text that a spreadsheet would read as a formula is prefixed with an apostrophe. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
