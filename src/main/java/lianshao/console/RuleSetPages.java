package lianshao.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import lianshao.authoring.BacktestItem;
import lianshao.authoring.BacktestView;
import lianshao.authoring.Backtests;
import lianshao.authoring.DecisionTableGrid;
import lianshao.authoring.DraftExpectations;
import lianshao.authoring.DraftTables;
import lianshao.authoring.FileChanges;
import lianshao.authoring.RuleSetAudit;
import lianshao.authoring.RuleSetChecks;
import lianshao.authoring.RuleSetDeployer;
import lianshao.authoring.RuleSetLifecycle;
import lianshao.authoring.RuleSetRefused;
import lianshao.authoring.RuleSetView;
import lianshao.authoring.TestReport;
import lianshao.authoring.ThresholdFields;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.DecisionTables;
import lianshao.rules.RuleMetadata;
import lianshao.rules.RuleProblem;
import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSetStatus;
import lianshao.rules.RuleSetVersion;
import lianshao.rules.RuleSource;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.support.DisplayFormat;
import lianshao.web.Conflict;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * The authors' pages: the rules of the active version with their metadata and hits; the version
 * history with its actions; a version's files, audit trail and diff; the DRL editor of a draft with
 * save, validate, test, backtest and submit. Rule authors and administrators only (the console chain
 * refuses others); making and changing drafts is the authors' (as in the API), approving, rejecting
 * and rolling back also the administrators'. The lifecycle service enforces maker–checker; its
 * refusals show on the page.
 */
@Controller
class RuleSetPages {

    private static final int LIST_LIMIT = 200;
    private static final int ITEMS_LIMIT = 200;
    private static final long DEPLOY_WAIT_SECONDS = 30;
    private static final Pattern MARK = Pattern.compile("\\[([VSU])]");

    private final RuleSetLifecycle lifecycle;
    private final RuleSetRepository repository;
    private final RuleSetAudit audit;
    private final Backtests backtests;
    private final ActiveRuleSet active;
    private final ConsoleQueries queries;
    private final ConsoleText text;
    private final Me me;
    private final DraftExpectations expectations;
    private final DraftTables tables;
    private final DisplayFormat format;

    RuleSetPages(RuleSetLifecycle lifecycle, RuleSetRepository repository, RuleSetAudit audit, Backtests backtests,
            ActiveRuleSet active, ConsoleQueries queries, ConsoleText text, Me me, DraftExpectations expectations, DraftTables tables,
            DisplayFormat format) {
        this.format = format;
        this.expectations = expectations;
        this.tables = tables;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.audit = audit;
        this.backtests = backtests;
        this.active = active;
        this.queries = queries;
        this.text = text;
        this.me = me;
    }

    /** A piece of a rule's legal basis; {@code mark} V, S or U when the piece is a verification mark. */
    record BasisPart(String text, String mark) {
    }

    /** A rule of the active version as the rule list shows it. */
    record RuleEntry(RuleMetadata rule, String title, List<BasisPart> basis, ConsoleQueries.RuleStats stats) {
    }

    /** A changed file of a diff: ADDED, REMOVED or CHANGED, with its hunks, or for a decision table its sheets cell by cell. */
    record FileDiff(String path, String change, List<LineDiff.Hunk> hunks, List<DecisionTableGrid.SheetDiff> sheets) {
    }

    /** A problem of the validation or the tests, on the page. */
    record Problem(String file, int line, int column, String message) {
    }

    private CurrentUser author(Authentication auth) {
        return me.withAnyRole(auth, Role.RULE_AUTHOR);
    }

    private CurrentUser authorOrAdmin(Authentication auth) {
        return me.withAnyRole(auth, Role.RULE_AUTHOR, Role.ADMIN);
    }

    // ---- rules of the active version

    @GetMapping("/rules")
    String rules(Model model, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        Map<String, ConsoleQueries.RuleStats> stats = queries.ruleStats(user.district());
        List<RuleEntry> entries = active.get().rulesById().values().stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .map(r -> new RuleEntry(r, ConsoleText.english() && r.titleEn() != null ? r.titleEn() : r.title(), basis(r.basis()),
                        stats.getOrDefault(r.id(), new ConsoleQueries.RuleStats(r.id(), 0, 0, 0, 0, 0, 0, 0, Map.of()))))
                .toList();
        model.addAttribute("rules", entries);
        model.addAttribute("activeNumber", active.deployment().number());
        model.addAttribute("contentHash", active.get().version());
        return "rules";
    }

    static List<BasisPart> basis(String basis) {
        List<BasisPart> parts = new ArrayList<>();
        if (basis == null) {
            return parts;
        }
        Matcher m = MARK.matcher(basis);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new BasisPart(basis.substring(at, m.start()), null));
            }
            parts.add(new BasisPart(m.group(), m.group(1)));
            at = m.end();
        }
        if (at < basis.length()) {
            parts.add(new BasisPart(basis.substring(at), null));
        }
        return parts;
    }

    // ---- versions

    @GetMapping("/rule-sets")
    String versions(Model model, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        model.addAttribute("versions", repository.list(LIST_LIMIT, 0));
        model.addAttribute("activeNumber", lifecycle.activeNumber());
        model.addAttribute("canAuthor", user.has(Role.RULE_AUTHOR));
        model.addAttribute("limit", LIST_LIMIT);
        return "rule-sets";
    }

    @GetMapping("/rule-sets/{number}")
    String version(@PathVariable int number, Model model, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        RuleSetVersion version = lifecycle.version(number);
        int activeNumber = lifecycle.activeNumber();
        model.addAttribute("v", version);
        model.addAttribute("activeNumber", activeNumber);
        model.addAttribute("baseOutdated", RuleSetView.baseOutdated(version, activeNumber));
        model.addAttribute("files", repository.files(number).keySet());
        model.addAttribute("audit", audit.of(number));
        model.addAttribute("canAuthor", user.has(Role.RULE_AUTHOR));
        model.addAttribute("canEdit", user.has(Role.RULE_AUTHOR) && version.status() == RuleSetStatus.DRAFT
                && user.username().equals(version.author()));
        return "rule-set";
    }

    @GetMapping("/rule-sets/{number}/diff")
    String diff(@PathVariable int number, @RequestParam(required = false) Integer against, Model model, Authentication auth) {
        authorOrAdmin(auth);
        RuleSetVersion version = lifecycle.version(number);
        int activeNumber = lifecycle.activeNumber();
        // a version waiting for approval is compared with the active version: that is what approving it changes
        boolean pending = version.status() == RuleSetStatus.DRAFT || version.status() == RuleSetStatus.SUBMITTED;
        Integer base = against != null ? against : pending ? Integer.valueOf(activeNumber) : version.parent();
        if (base == null) {
            throw new NotFound("没有可比较的版本 / no version to compare with");
        }
        lifecycle.version(base);
        SortedMap<String, String> before = repository.files(base);
        SortedMap<String, String> after = repository.files(number);
        List<FileDiff> diffs = new ArrayList<>();
        FileChanges.between(before, after).forEach((path, change) -> diffs.add(DecisionTables.isTable(path)
                ? new FileDiff(path, change, List.of(), DecisionTableGrid.diff(before.get(path), after.get(path)))
                : new FileDiff(path, change, LineDiff.hunks(before.get(path), after.get(path)), null)));
        model.addAttribute("v", version);
        model.addAttribute("against", base);
        model.addAttribute("activeNumber", activeNumber);
        model.addAttribute("againstActive", base == activeNumber);
        model.addAttribute("baseOutdated", RuleSetView.baseOutdated(version, activeNumber));
        model.addAttribute("diffs", diffs);
        return "rule-set-diff";
    }

    @PostMapping("/rule-sets/{number}/draft")
    String newDraft(@PathVariable int number, @RequestParam(required = false) String comment, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        try {
            RuleSetVersion draft = lifecycle.copyAsDraft(number, comment, user.username());
            redirect.addFlashAttribute("message", text.text("ruleSets.draftCreated", draft.number(), number));
            return "redirect:/rule-sets/" + draft.number();
        } catch (ValidationFailed | Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
            return "redirect:/rule-sets";
        }
    }

    @PostMapping("/rule-sets/{number}/approve")
    String approve(@PathVariable int number, @RequestParam(required = false) Integer activeVersion, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = authorOrAdmin(auth);
        try {
            deployed(number, lifecycle.approve(number, user.username(), activeVersion), "ruleSets.approved", redirect);
        } catch (Conflict | ValidationFailed e) {
            redirect.addFlashAttribute("error", text.text("ruleSets.approveRefused", reason(e)));
        }
        return "redirect:/rule-sets/" + number;
    }

    @PostMapping("/rule-sets/{number}/reject")
    String reject(@PathVariable int number, @RequestParam(required = false) String reason, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = authorOrAdmin(auth);
        try {
            lifecycle.reject(number, user.username(), reason == null || reason.isBlank() ? null : reason.strip());
            redirect.addFlashAttribute("message", text.text("ruleSets.rejected", number));
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return "redirect:/rule-sets/" + number;
    }

    @PostMapping("/rule-sets/{number}/rollback")
    String rollback(@PathVariable int number, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = authorOrAdmin(auth);
        try {
            deployed(number, lifecycle.rollback(number, user.username()), "ruleSets.rolledBack", redirect);
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return "redirect:/rule-sets/" + number;
    }

    /** Waits a while for the deployment that follows an approval or a rollback, and says how it went. */
    private void deployed(int number, CompletableFuture<RuleSetDeployer.Outcome> outcome, String done, RedirectAttributes redirect) {
        try {
            RuleSetDeployer.Outcome result = outcome.get(DEPLOY_WAIT_SECONDS, TimeUnit.SECONDS);
            if (result.activated()) {
                redirect.addFlashAttribute("message", text.text(done, number));
            } else {
                redirect.addFlashAttribute("error", text.text("ruleSets.deployFailed", number, ConsoleText.pick(String.valueOf(result.detail()))));
            }
        } catch (TimeoutException e) {
            redirect.addFlashAttribute("message", text.text("ruleSets.deploying", number));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            redirect.addFlashAttribute("message", text.text("ruleSets.deploying", number));
        } catch (ExecutionException e) {
            redirect.addFlashAttribute("error", text.text("ruleSets.deployFailed", number, String.valueOf(e.getCause())));
        }
    }

    // ---- the editor

    @GetMapping("/rule-sets/{number}/edit")
    String edit(@PathVariable int number, @RequestParam(required = false) String file, @RequestParam(required = false) String backtest,
            Model model, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        RuleSetVersion version = lifecycle.version(number);
        SortedMap<String, String> files = repository.files(number);
        String path = file != null ? file : files.keySet().stream().filter(p -> p.endsWith(".drl")).findFirst().orElse(null);
        if (path == null || !files.containsKey(path)) {
            throw new NotFound("版本中没有此文件 / the version has no such file");
        }
        model.addAttribute("v", version);
        model.addAttribute("path", path);
        model.addAttribute("content", files.get(path));
        model.addAttribute("files", files.keySet());
        model.addAttribute("editable", user.has(Role.RULE_AUTHOR) && version.status() == RuleSetStatus.DRAFT
                && user.username().equals(version.author()));
        model.addAttribute("mode", path.endsWith(".drl") ? "text/x-drl" : path.endsWith(".json") ? "application/json" : "text/x-properties");
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) model.getAttribute("problems");
        List<Map<String, Object>> markers = new ArrayList<>();
        for (Problem p : problems) {
            if (path.equals(p.file()) && p.line() > 0) {
                Map<String, Object> marker = new LinkedHashMap<>();
                marker.put("line", p.line());
                marker.put("column", p.column());
                marker.put("message", p.message());
                markers.add(marker);
            }
        }
        model.addAttribute("markers", ConsoleController.island(markers));
        if (backtest != null) {
            model.addAttribute("backtest", backtests.view(backtest, number, me.of(auth).district()));
        }
        if (RuleSource.THRESHOLDS_FILE.equals(path)) {
            model.addAttribute("thresholds", ThresholdFields.of(files.get(path)));
            if (!model.containsAttribute("thresholdErrors")) {
                model.addAttribute("thresholdErrors", Map.of());
            }
        }
        model.addAttribute("table", DecisionTables.isTable(path));
        // the backtest's default range: the last 30 days, in the office's zone
        LocalDate today = format.today();
        model.addAttribute("today", today);
        model.addAttribute("monthAgo", today.minusDays(30));
        return "rule-editor";
    }

    @PostMapping("/rule-sets/{number}/files")
    String save(@PathVariable int number, @RequestParam String file, @RequestParam String content, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        try {
            lifecycle.saveFile(number, file, content, user.username());
            redirect.addFlashAttribute("message", text.text("editor.saved", file));
        } catch (Conflict | ValidationFailed e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return editor(number, file);
    }

    /** The threshold form: values named {@code value:<key>}; only the ones that differ from the draft's are written. */
    @PostMapping("/rule-sets/{number}/thresholds")
    String thresholds(@PathVariable int number, @RequestParam Map<String, String> params, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        Map<String, String> current = new LinkedHashMap<>();
        expectations.thresholds(number).forEach(f -> current.put(f.key(), f.value()));
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("value:") && !value.strip().equals(current.get(name.substring(6)))) {
                values.put(name.substring(6), value);
            }
        });
        if (values.isEmpty()) {
            redirect.addFlashAttribute("message", text.text("thresholds.unchanged"));
            return editor(number, RuleSource.THRESHOLDS_FILE);
        }
        try {
            DraftExpectations.Result result = expectations.changeThresholds(number, values, user.username());
            expectationsResult(result, "thresholds.saved", redirect);
        } catch (ValidationFailed e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.put(f.field().replaceFirst("^values\\.", ""), ConsoleText.pick(f.message())));
            redirect.addFlashAttribute("thresholdErrors", errors);
            redirect.addFlashAttribute("thresholdInput", values);
            redirect.addFlashAttribute("error", text.text("thresholds.invalid", errors.size()));
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return editor(number, RuleSource.THRESHOLDS_FILE);
    }

    /** Accepts the current outcomes of the chosen cases ({@code file::name}) as their expectations. */
    @PostMapping("/rule-sets/{number}/expectations")
    String acceptExpectations(@PathVariable int number, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(required = false) String file, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        // read as sent: a case's name may hold commas, which a List parameter would split on
        List<String> cases = params.get("case");
        try {
            DraftExpectations.Result result = expectations.accept(number, cases == null ? Set.of() : new LinkedHashSet<>(cases),
                    user.username());
            expectationsResult(result, "thresholds.accepted", redirect);
        } catch (ValidationFailed | Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return editor(number, file == null ? RuleSource.THRESHOLDS_FILE : file);
    }

    private void expectationsResult(DraftExpectations.Result result, String done, RedirectAttributes redirect) {
        if (result.passed()) {
            redirect.addFlashAttribute("message", text.text(done) + " " + text.text("thresholds.testsPass"));
        } else {
            redirect.addFlashAttribute("message", text.text(done));
            redirect.addFlashAttribute("error", text.text("thresholds.casesChanged", result.changedCases().size()));
            redirect.addFlashAttribute("changedCases", result.changedCases());
        }
    }

    /** A decision table of a version as the .xlsx file. */
    @GetMapping("/rule-sets/{number}/tables")
    ResponseEntity<byte[]> downloadTable(@PathVariable int number, @RequestParam String file, Authentication auth) {
        authorOrAdmin(auth);
        byte[] bytes = tables.download(number, file);
        String name = file.substring(file.lastIndexOf('/') + 1).replace(DecisionTables.SUFFIX, "") + "-v" + number + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DraftTables.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @PostMapping("/rule-sets/{number}/tables")
    String uploadTable(@PathVariable int number, @RequestParam String file, @RequestParam("upload") MultipartFile upload,
            Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        try {
            tables.upload(number, file, upload.getOriginalFilename(), DraftTables.read(upload), user.username());
            redirect.addFlashAttribute("message", text.text("tables.uploaded", file));
        } catch (ValidationFailed | Conflict e) {
            redirect.addFlashAttribute("error", text.text("tables.refused", reason(e)));
        }
        return editor(number, file);
    }

    @PostMapping("/rule-sets/{number}/validate")
    String validate(@PathVariable int number, @RequestParam(required = false) String file, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        RuleSetChecks.Compiled compiled = lifecycle.validate(number, user.username());
        if (compiled.valid()) {
            redirect.addFlashAttribute("message", text.text("editor.valid", compiled.ruleSet().rulesById().size()));
        } else {
            redirect.addFlashAttribute("error", text.text("editor.invalid", compiled.problems().size()));
            redirect.addFlashAttribute("problems", problems(compiled.problems()));
        }
        return editor(number, file);
    }

    @PostMapping("/rule-sets/{number}/test")
    String test(@PathVariable int number, @RequestParam(required = false) String file, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        TestReport report = lifecycle.test(number, null, user.username());
        if (report.passed()) {
            redirect.addFlashAttribute("message", text.text("editor.testsPassed", report.cases().size()));
        } else {
            redirect.addFlashAttribute("error", text.text("editor.testsFailed", report.failedCases(), report.cases().size()));
        }
        redirect.addFlashAttribute("problems", problems(report.errors()));
        redirect.addFlashAttribute("cases", report.cases());
        return editor(number, file);
    }

    @PostMapping("/rule-sets/{number}/submit")
    String submit(@PathVariable int number, @RequestParam(required = false) String file, Authentication auth,
            RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        try {
            lifecycle.submit(number, user.username());
            redirect.addFlashAttribute("message", text.text("ruleSets.submitted", number));
            return "redirect:/rule-sets/" + number;
        } catch (RuleSetRefused e) {
            redirect.addFlashAttribute("error", text.text("ruleSets.submitRefused", reason(e)));
            redirect.addFlashAttribute("problems", problems(e.errors()));
            redirect.addFlashAttribute("cases", e.failedCases());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", text.text("ruleSets.submitRefused", reason(e)));
        }
        return file == null ? "redirect:/rule-sets/" + number : editor(number, file);
    }

    @PostMapping("/rule-sets/{number}/backtests")
    String backtest(@PathVariable int number, @RequestParam(required = false) String file, @RequestParam String from,
            @RequestParam String to, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = author(auth);
        try {
            BacktestView view = backtests.start(number, LocalDate.parse(from), LocalDate.parse(to), user.username());
            redirect.addFlashAttribute("message", text.text("backtest.started", view.total()));
            return "redirect:" + UriComponentsBuilder.fromPath("/rule-sets/{n}/edit").queryParam("file", file)
                    .queryParam("backtest", view.id()).buildAndExpand(number).encode().toUriString();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", text.text("backtest.badDates"));
        } catch (RuleSetRefused e) {
            redirect.addFlashAttribute("error", reason(e));
            redirect.addFlashAttribute("problems", problems(e.errors()));
        } catch (ValidationFailed | Conflict e) {
            redirect.addFlashAttribute("error", reason(e));
        }
        return editor(number, file);
    }

    /** The progress of a backtest for the editor's polling. */
    @GetMapping("/rule-sets/{number}/backtests/{id}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable int number, @PathVariable String id, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        BacktestView view = backtests.view(id, number, user.district());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", view.status());
        body.put("statusText", text.text("backtest.status." + view.status()));
        body.put("done", view.done());
        body.put("total", view.total());
        body.put("failed", view.failed());
        body.put("changes", view.changes());
        return body;
    }

    @GetMapping("/rule-sets/{number}/backtests/{id}")
    String backtestResult(@PathVariable int number, @PathVariable String id, Model model, Authentication auth) {
        CurrentUser user = authorOrAdmin(auth);
        model.addAttribute("v", lifecycle.version(number));
        BacktestView view = backtests.view(id, number, user.district());
        List<BacktestItem> items = backtests.items(id, number, null, ITEMS_LIMIT, 0, user.district());
        model.addAttribute("b", view);
        model.addAttribute("items", items);
        model.addAttribute("itemsLimit", ITEMS_LIMIT);
        return "backtest";
    }

    private static String editor(int number, String file) {
        if (file == null || file.isBlank()) {
            return "redirect:/rule-sets/" + number;
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/rule-sets/{n}/edit").queryParam("file", file)
                .buildAndExpand(number).encode().toUriString();
    }

    private static List<Problem> problems(List<RuleProblem> problems) {
        return problems.stream().map(p -> new Problem(p.file(), p.line(), p.column(), withReason(p.message()))).toList();
    }

    /**
     * A problem in the reader's language with the parser's or compiler's own reason kept: a message
     * "中文 / English: reason" whose Chinese half names no reason shows as "中文：reason", the reason as the
     * parser wrote it.
     */
    static String withReason(String message) {
        String shown = ConsoleText.pick(message);
        int cut = message == null ? -1 : message.indexOf(" / ");
        if (ConsoleText.english() || cut < 0 || shown.contains(":") || shown.contains("：")) {
            return shown;
        }
        String english = message.substring(cut + 3);
        int colon = english.indexOf(": ");
        return colon < 0 ? shown : shown + "：" + english.substring(colon + 2).strip();
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationFailed v) {
            return String.join("; ", v.errors().stream().map(f -> ConsoleText.pick(f.message())).toList());
        }
        return ConsoleText.pick(e.getMessage());
    }
}
