package lianshao.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.contract.Domain;
import lianshao.rules.ActiveRuleSet;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.DisplayFormat;
import lianshao.warnings.AccessLog;
import lianshao.warnings.AttachmentDownloads;
import lianshao.warnings.Attachments;
import lianshao.warnings.FactWords;
import lianshao.warnings.DismissReason;
import lianshao.warnings.HandoverTarget;
import lianshao.warnings.ReferralLetter;
import lianshao.warnings.Mutes;
import lianshao.warnings.ReviewGuard;
import lianshao.warnings.WarningExport;
import lianshao.warnings.WarningFilter;
import lianshao.warnings.WarningReview;
import lianshao.warnings.WarningStatus;
import lianshao.warnings.WarningView;
import lianshao.warnings.WarningWords;
import lianshao.warnings.SystemRiskPoint;
import lianshao.warnings.Warnings;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * The warning queue (filters, sort, paging, bulk assign and close, export) and a warning's page (the
 * explanation, the record and its revisions, related records, the subject's other warnings, the audit
 * trail and the review actions). Everything within the user's data scope; opening a warning is logged.
 */
@Controller
class WarningPages {

    private static final int MAX_EXPORT = 10_000;
    private static final int MAX_BULK = 100;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Warnings warnings;
    private final WarningReview review;
    private final WarningExport export;
    private final Mutes mutes;
    private final AccessLog accessLog;
    private final Attachments attachments;
    private final AttachmentDownloads downloads;
    private final Users users;
    private final ActiveRuleSet rules;
    private final ConsoleQueries queries;
    private final PartyNames names;
    private final ConsoleText text;
    private final Me me;
    private final RecordTables recordTables;
    private final WarningWords words;
    private final ReferralLetter referralLetter;
    private final FactWords factWords;
    private final DisplayFormat format;

    private final ConsoleFormat fmt;

    WarningPages(Warnings warnings, WarningReview review, WarningExport export, Mutes mutes, AccessLog accessLog, Users users,
            ActiveRuleSet rules, ConsoleQueries queries, PartyNames names, ConsoleText text, Me me, RecordTables recordTables,
            WarningWords words, ReferralLetter referralLetter, Attachments attachments, AttachmentDownloads downloads,
            FactWords factWords, DisplayFormat format, ConsoleFormat fmt) {
        this.factWords = factWords;
        this.format = format;
        this.fmt = fmt;
        this.attachments = attachments;
        this.downloads = downloads;
        this.referralLetter = referralLetter;
        this.recordTables = recordTables;
        this.words = words;
        this.warnings = warnings;
        this.review = review;
        this.export = export;
        this.mutes = mutes;
        this.accessLog = accessLog;
        this.users = users;
        this.rules = rules;
        this.queries = queries;
        this.names = names;
        this.text = text;
        this.me = me;
    }

    // ---- the queue --------------------------------------------------------------------------

    @GetMapping("/warnings")
    String queue(@RequestParam Map<String, String> params, Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        QueueQuery query = QueueQuery.parse(params);
        Warnings.Page page = warnings.list(query.filter(user.district()), query.page(), query.size());
        Set<String> refs = new LinkedHashSet<>();
        page.items().forEach(w -> refs.addAll(w.subjectRefs()));
        int pages = (int) Math.max(1, (page.total() + query.size() - 1) / query.size());
        List<Map<String, Object>> pageLinks = new ArrayList<>();
        for (int i = Math.max(0, query.page() - 4); i < Math.min(pages, query.page() + 5); i++) {
            pageLinks.add(Map.of("number", i + 1, "url", query.pageUrl(i), "current", i == query.page()));
        }
        model.addAttribute("q", query);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("pageLinks", pageLinks);
        model.addAttribute("previousUrl", query.page() > 0 ? query.pageUrl(query.page() - 1) : null);
        model.addAttribute("nextUrl", query.page() + 1 < pages ? query.pageUrl(query.page() + 1) : null);
        model.addAttribute("exportUrl", query.exportUrl());
        model.addAttribute("selfUrl", query.selfUrl());
        Map<String, String> masked = names.masked(refs);
        Map<String, String> subjectNames = new java.util.HashMap<>();
        page.items().forEach(w -> subjectNames.put(w.id(), w.subjectRefs().stream().map(r -> masked.getOrDefault(r, r))
                .collect(java.util.stream.Collectors.joining(ConsoleText.english() ? ", " : "、"))));
        model.addAttribute("subjectNames", subjectNames);
        model.addAttribute("orgNames", orgNames(user));
        model.addAttribute("userNames", words.userNames(ConsoleText.locale()));
        model.addAttribute("domains", Domain.values());
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("sorts", WarningFilter.Sort.values());
        model.addAttribute("sizes", QueueQuery.SIZES);
        // the catalogue's rules and the system risk points (SYS-01), which are no DRL rules but raise warnings too
        List<String> ruleIds = new ArrayList<>(rules.get().rulesById().keySet().stream().sorted().toList());
        SystemRiskPoint.ALL.forEach(p -> ruleIds.add(p.id()));
        model.addAttribute("ruleIds", ruleIds);
        model.addAttribute("reviewers", reviewers(user));
        model.addAttribute("canAct", Me.reviewer(user));
        return "warnings";
    }

    @PostMapping("/warnings/bulk")
    String bulk(@RequestParam(required = false) List<String> ids, @RequestParam String action,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String back,
            Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = me.of(auth);
        if (!Me.reviewer(user)) {
            // as one by one: a reader who may not act gets 403, not a list of refusals
            throw new Forbidden("只有纪检员和纪检组长可以处理预警 / only inspectors and supervisors act on warnings");
        }
        String target = back != null && back.startsWith("/warnings") && !back.startsWith("//") ? back : "/warnings";
        if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK || !("ASSIGN".equals(action) || "CLOSE".equals(action))) {
            redirect.addFlashAttribute("error", text.text("bulk.invalid", MAX_BULK));
            return "redirect:" + target;
        }
        // the API's bulk path: each warning under the single action's rules, a proposal where one by one would be one
        List<WarningReview.BulkItem> items;
        try {
            items = review.bulk(ids, new WarningReview.ActionRequest(action, assignee, null, null, null), user);
        } catch (ValidationFailed e) {
            redirect.addFlashAttribute("error", reason(e));
            return "redirect:" + target;
        }
        long applied = items.stream().filter(i -> i.outcome() == WarningReview.BulkOutcome.APPLIED).count();
        long proposed = items.stream().filter(i -> i.outcome() == WarningReview.BulkOutcome.PROPOSED).count();
        List<String> failures = items.stream().filter(i -> i.outcome() == WarningReview.BulkOutcome.REFUSED)
                .map(i -> i.id().substring(Math.max(0, i.id().length() - 8)) + ": " + ConsoleText.pick(i.reason())).toList();
        redirect.addFlashAttribute("message", text.text("bulk.result", applied, proposed, failures.size()));
        if (!failures.isEmpty()) {
            redirect.addFlashAttribute("error", String.join("; ", failures));
        }
        return "redirect:" + target;
    }

    @GetMapping("/warnings/export.xlsx")
    ResponseEntity<byte[]> exportQueue(@RequestParam Map<String, String> params, Authentication auth) {
        CurrentUser user = me.of(auth);
        QueueQuery query = QueueQuery.parse(params);
        byte[] body = export.queue(warnings.list(query.filter(user.district()), 0, MAX_EXPORT).items(), ConsoleText.locale());
        accessLog.opened(user.username(), "EXPORT", "warnings?" + query.filters(), "CONSOLE");
        return xlsx(body, "warnings.xlsx");
    }

    // ---- one warning ------------------------------------------------------------------------

    @GetMapping("/warnings/{id}")
    String detail(@PathVariable String id, Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        WarningView w = find(id, user);
        accessLog.opened(user.username(), "WARNING", id, "CONSOLE");

        model.addAttribute("w", w);
        model.addAttribute("title", ConsoleText.english() && w.titleEn() != null ? w.titleEn() : w.title());
        String message = ConsoleText.english() && w.messageEn() != null ? w.messageEn() : w.message();
        model.addAttribute("warningMessage", message);
        model.addAttribute("warningMessageHtml", fmt.namedCodes(message));
        model.addAttribute("measures", w.clause() == null || w.clause().isBlank() ? List.of()
                : Arrays.stream(w.clause().split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList());
        model.addAttribute("facts", facts(w));
        // parties of the reasons by name (FactWords), their ids in small print (ConsoleFormat)
        List<Map<String, Object>> steps = factWords.steps(w, ConsoleText.locale());
        model.addAttribute("steps", steps);
        model.addAttribute("stepReasonsHtml", steps.stream().map(st -> fmt.namedCodes(String.valueOf(st.get("reason")))).toList());
        model.addAttribute("org", queries.orgs(null).stream().filter(o -> o.code().equals(w.orgCode())).findFirst().orElse(null));
        model.addAttribute("subjects", names.full(w.subjectRefs()));

        model.addAttribute("attachments", attachments.of(id));
        model.addAttribute("record", queries.record(w.recordId()).orElse(null));
        model.addAttribute("revisions", recordTables.revisions(queries.revisions(w.recordId()), ConsoleText.locale()));
        model.addAttribute("userNames", words.userNames(ConsoleText.locale()));
        model.addAttribute("orgNames", orgNames(user));

        @SuppressWarnings("unchecked")
        List<String> related = (List<String>) w.evidence().getOrDefault("relatedRecords", List.of());
        model.addAttribute("related", queries.records(related, user.district()));

        Map<String, WarningView> others = new LinkedHashMap<>();
        for (String subject : w.subjectRefs()) {
            WarningFilter filter = new WarningFilter(null, null, null, null, null, null, null, subject, null, null,
                    user.district(), false, WarningFilter.Sort.NEWEST);
            warnings.list(filter, 0, 50).items().stream().filter(o -> !o.id().equals(w.id())).forEach(o -> others.putIfAbsent(o.id(), o));
        }
        model.addAttribute("others", others.values());
        model.addAttribute("history", words.history(warnings.history(id), ConsoleText.locale()));

        // which buttons show, and which of them only propose, is the review guard's decision
        boolean canAct = Me.reviewer(user);
        List<String> allowed = new ArrayList<>();
        List<String> proposing = new ArrayList<>();
        if (canAct) {
            review.options(w, user).forEach((action, decision) -> {
                if (!decision.refused()) {
                    allowed.add(action.name());
                }
                if (decision.outcome() == ReviewGuard.Outcome.PROPOSE) {
                    proposing.add(action.name());
                }
            });
        }
        model.addAttribute("proposing", proposing);
        model.addAttribute("serious", review.guard().serious(w.form()));
        model.addAttribute("canAct", canAct);
        model.addAttribute("allowed", allowed);
        // the assignee must see the warning (WarningReview refuses anyone else): reviewers of its district or the whole city
        String district = queries.districtOf(w.orgCode());
        model.addAttribute("reviewers", reviewers(user).stream()
                .filter(a -> a.scopeDistrict() == null || a.scopeDistrict().equals(district)).toList());
        model.addAttribute("reasons", DismissReason.values());
        model.addAttribute("muteUntil", format.today().plusMonths(3));
        disposal(w, user, model);
        return "warning";
    }

    /**
     * The closed loop on the warning's page: the units of the user's scope it may be dispatched to, the handover
     * targets its decided form allows, and the disposal panel's names (the unit, the earlier warning it repeats).
     */
    private void disposal(WarningView w, CurrentUser user, Model model) {
        Map<String, String> units = orgNames(user);
        model.addAttribute("units", units);
        Map<String, String> targets = new LinkedHashMap<>();
        for (HandoverTarget t : HandoverTarget.values()) {
            if (w.decidedForm() != null && t.takes(w.decidedForm())) {
                targets.put(t.name(), ConsoleText.english() ? t.englishName() : t.chineseName());
            }
        }
        model.addAttribute("targets", targets);
        WarningView.Disposal d = w.disposal();
        String unit = d == null ? null : d.unitOrg();
        model.addAttribute("unitName", unit == null ? null
                : queries.orgs(null).stream().filter(o -> o.code().equals(unit)).map(lianshao.facts.Org::name).findFirst().orElse(unit));
        model.addAttribute("targetName", d == null || d.handoverTarget() == null ? null
                : ConsoleText.english() ? HandoverTarget.valueOf(d.handoverTarget()).englishName()
                : HandoverTarget.valueOf(d.handoverTarget()).chineseName());
        model.addAttribute("recurrence", w.recurrenceOf() == null ? null : warnings.find(w.recurrenceOf(), user.district()).orElse(null));
    }

    /** The referral letter (线索移交函) of a handed-over warning of the user's scope, opened in the browser to print. */
    /** An evidence file the unit uploaded, for reviewers within the warning's scope; logged as the API does. */
    @GetMapping("/warnings/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId, Authentication auth) {
        CurrentUser user = me.of(auth);
        find(id, user);
        return downloads.serve(id, attachmentId, user, "CONSOLE");
    }

    @GetMapping("/warnings/{id}/referral-letter")
    ResponseEntity<byte[]> referralLetter(@PathVariable String id, Authentication auth) {
        CurrentUser user = me.of(auth);
        WarningView w = find(id, user);
        if (w.disposal() == null || w.disposal().referralNo() == null) {
            throw new NotFound("该预警尚未移交，没有移交函 / the warning was not handed over; there is no referral letter");
        }
        accessLog.opened(user.username(), "REFERRAL_LETTER", id, "CONSOLE");
        byte[] body = referralLetter.html(w, warnings.history(id)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + ReferralLetter.fileName(w) + "\"").body(body);
    }

    @PostMapping("/warnings/{id}/actions")
    String act(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Integer form,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String unitOrg,
            @RequestParam(required = false) String responsiblePerson, @RequestParam(required = false) Integer workingDays,
            @RequestParam(required = false) String target, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = me.of(auth);
        try {
            WarningView after = review.act(id, new WarningReview.ActionRequest(action, blankToNull(assignee), blankToNull(comment), form,
                    blankToNull(reason), blankToNull(unitOrg), blankToNull(responsiblePerson), workingDays, blankToNull(target),
                    null, null), user);
            redirect.addFlashAttribute("message", text.text("action.done", text.text("action." + action),
                    text.text("status." + after.status())));
        } catch (Conflict | ValidationFailed e) {
            redirect.addFlashAttribute("error", text.text("action.refused", reason(e)));
        }
        return "redirect:/warnings/" + id;
    }

    @PostMapping("/warnings/{id}/mute")
    String mute(@PathVariable String id, @RequestParam String subjectRef, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = me.of(auth);
        WarningView w = find(id, user);
        if (!Me.reviewer(user)) {
            throw new lianshao.web.Forbidden("只有纪检人员可静默规则 / only inspectors and supervisors mute rules");
        }
        LocalDate day = null;
        try {
            day = until == null ? null : LocalDate.parse(until);
        } catch (java.time.format.DateTimeParseException e) {
            day = null;
        }
        if (!w.subjectRefs().contains(subjectRef) || day == null || day.isBefore(format.today())
                || reason == null || reason.isBlank() || reason.length() > 1000) {
            redirect.addFlashAttribute("error", text.text("mute.invalid"));
            return "redirect:/warnings/" + id;
        }
        mutes.create(w.ruleId(), subjectRef, day, reason.strip(), user.username(), user.district());
        redirect.addFlashAttribute("message", text.text("mute.done", w.ruleId(), subjectRef, day));
        return "redirect:/warnings/" + id;
    }

    @GetMapping("/warnings/{id}/dossier.xlsx")
    ResponseEntity<byte[]> dossier(@PathVariable String id, Authentication auth) {
        CurrentUser user = me.of(auth);
        WarningView w = find(id, user);
        accessLog.opened(user.username(), "DOSSIER", id, "CONSOLE");
        return xlsx(export.dossier(w, warnings.history(id), ConsoleText.locale()), "warning-" + id + ".xlsx");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private WarningView find(String id, CurrentUser user) {
        return warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
    }

    /**
     * Users who can be assigned a warning: enabled inspectors and supervisors; for a district's person, those of
     * the district and of the whole city (people of other districts are not listed).
     */
    private List<Users.Account> reviewers(CurrentUser user) {
        return users.all().stream().filter(Users.Account::enabled)
                .filter(a -> user.wholeCity() || a.scopeDistrict() == null || user.district().equals(a.scopeDistrict()))
                .filter(a -> a.roles().contains(Role.INSPECTOR) || a.roles().contains(Role.SUPERVISOR)).toList();
    }

    private Map<String, String> orgNames(CurrentUser user) {
        Map<String, String> orgs = new LinkedHashMap<>();
        queries.orgs(user.district()).forEach(o -> orgs.put(o.code(), o.name()));
        return orgs;
    }

    /**
     * A matched fact as the warning page shows it: a record field's value ({@code value}), or the value in words as
     * safe HTML with the ids of the parties and orgs it names in small print ({@code html}).
     */
    record FactRow(String key, String label, RecordTables.Value value, String html) {

        public boolean labelled() {
            return !key.equals(label);
        }
    }

    private List<FactRow> facts(WarningView w) {
        List<FactRow> facts = new ArrayList<>();
        if (w.evidence().get("facts") instanceof Map<?, ?> map) {
            Map<String, String> known = factWords.names(w);
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                RecordTables.Field field = recordTables.fact(w.domain(), key, v, ConsoleText.locale());
                RecordTables.Value value = field.value();
                boolean asRecorded = value.link() != null || value.code() != null || value.table() != null
                        || !(v instanceof String || v instanceof java.util.Collection<?>) || !value.text().equals(String.valueOf(v));
                if (!field.label().equals(key) && asRecorded) {
                    facts.add(new FactRow(key, field.label(), value, null));
                    return;
                }
                // a fact the contract does not name, or a rule's text: in words, not as the rule's key and codes
                String label = field.label().equals(key) ? factWords.label(w.domain(), key, ConsoleText.locale()) : field.label();
                String text = factWords.value(w.domain(), key, v, known, ConsoleText.locale());
                facts.add(new FactRow(key, label, RecordTables.Value.of(text), fmt.namedCodes(text)));
            });
        }
        return facts;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ValidationFailed v) {
            return String.join("; ", v.errors().stream().map(f -> ConsoleText.pick(f.message())).toList());
        }
        return ConsoleText.pick(e.getMessage());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
