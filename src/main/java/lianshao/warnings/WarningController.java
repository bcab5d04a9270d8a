package lianshao.warnings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.contract.Domain;
import lianshao.contract.FieldError;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Contract section 4: reading and reviewing warnings. Every read applies the caller's data scope;
 * a warning outside it answers 404. Opening a warning is logged (查询留痕).
 */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "Warnings 预警", description = "分级预警：规则、方案举措、法律依据、命中事实、建议形态；处理流程")
class WarningController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_EXPORT = 10_000;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Warnings warnings;
    private final WarningReview review;
    private final WarningExport export;
    private final AccessLog accessLog;
    private final CurrentUsers users;
    private final Supervision supervision;
    private final ReferralLetter referralLetter;

    WarningController(Warnings warnings, WarningReview review, WarningExport export, AccessLog accessLog, CurrentUsers users,
            Supervision supervision, ReferralLetter referralLetter) {
        this.warnings = warnings;
        this.review = review;
        this.export = export;
        this.accessLog = accessLog;
        this.users = users;
        this.supervision = supervision;
        this.referralLetter = referralLetter;
    }

    @PostMapping("/next")
    @Operation(summary = "领取下一条：把本人数据范围内最紧急的未分派预警分派给自己（无则 204）/ Take the most urgent unassigned "
            + "warning of my scope (204 when none)")
    ResponseEntity<WarningDetail> next(Authentication auth) {
        CurrentUser user = me(auth);
        if (!user.has(lianshao.security.Role.INSPECTOR) && !user.has(lianshao.security.Role.SUPERVISOR)) {
            throw new Forbidden("只有纪检人员可领取预警 / only inspectors and supervisors take warnings");
        }
        return supervision.takeNext(user).map(w -> ResponseEntity.ok(detail(w, user)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/referral-letter")
    @Operation(summary = "线索移交函（HTML，可打印）/ The referral letter of a handed-over warning (printable HTML)")
    ResponseEntity<byte[]> referralLetter(@PathVariable String id, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView warning = warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
        if (warning.disposal() == null || warning.disposal().referralNo() == null) {
            throw new Conflict("该预警尚未移交，没有移交函 / the warning was not handed over; there is no referral letter");
        }
        accessLog.opened(user.username(), "REFERRAL_LETTER", id, "API");
        byte[] body = referralLetter.html(warning, warnings.history(id)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReferralLetter.fileName(warning) + "\"")
                .body(body);
    }

    @GetMapping
    @Operation(summary = "预警列表（可筛选、排序、分页）/ List warnings, filtered, sorted and paged")
    Warnings.Page list(
            @Parameter(description = "领域 / domain") @RequestParam(required = false) String domain,
            @Parameter(description = "形态 1–4 / form") @RequestParam(required = false) Integer form,
            @Parameter(description = "状态 / status") @RequestParam(required = false) String status,
            @Parameter(description = "机构代码 / organisation") @RequestParam(required = false) String orgCode,
            @Parameter(description = "规则编号 / rule id") @RequestParam(required = false) String ruleId,
            @Parameter(description = "预警产生日期起 / raised on or after") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "预警产生日期止 / raised on or before") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "涉及对象 / subject party id") @RequestParam(required = false) String subjectRef,
            @Parameter(description = "处理人 / assignee") @RequestParam(required = false) String assignee,
            @Parameter(description = "仅超期 / only overdue") @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "排序 NEWEST|OLDEST|FORM|DUE / sort") @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication auth) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            List<FieldError> errors = new ArrayList<>();
            if (page < 0) {
                errors.add(new FieldError("page", "不能为负数 / must not be negative"));
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                errors.add(new FieldError("size", "应为 1–" + MAX_PAGE_SIZE + " / must be 1 to " + MAX_PAGE_SIZE));
            }
            throw new ValidationFailed(errors);
        }
        WarningFilter filter = filter(domain, form, status, orgCode, ruleId, from, to, subjectRef, assignee, overdue, sort);
        return warnings.list(filter.inDistrict(me(auth).district()), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "预警详情及处理记录 / A warning with its history")
    WarningDetail get(@PathVariable String id, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView warning = warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
        accessLog.opened(user.username(), "WARNING", id, "API");
        return detail(warning, user);
    }

    /**
     * The warning's fields with its audit trail beside them, and what each review action would do if the
     * caller took it now: APPLY, PROPOSE (a second person approves), FORBIDDEN or CONFLICT.
     */
    record WarningDetail(@JsonUnwrapped WarningView warning, List<WarningView.Action> history, Map<String, String> actions) {
    }

    private WarningDetail detail(WarningView warning, CurrentUser user) {
        Map<String, String> actions = new LinkedHashMap<>();
        review.options(warning, user).forEach((action, decision) -> actions.put(action.name(), decision.outcome().name()));
        return new WarningDetail(warning, warnings.history(warning.id()), actions);
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "处理预警：分派、开始核查、评论、确认（含认定形态）、批准、驳回建议、排除、上报、办结、重新打开；"
            + "交办、延期审批、退回、销号、移交、回执、处理结果（docs/workflow.md）/ Act on a warning")
    WarningDetail act(@PathVariable String id, @RequestBody WarningReview.ActionRequest request, Authentication auth) {
        CurrentUser user = me(auth);
        return detail(review.act(id, request, user), user);
    }

    /** Body of a bulk action: {@code form} for CONFIRM, {@code reason} (a dismissal code) for DISMISS. */
    record BulkRequest(List<String> ids, String action, String assignee, String comment, Integer form, String reason) {
    }

    /** The actions that may be taken on several warnings at once. */
    private static final List<String> BULK_ACTIONS = List.of("ASSIGN", "CONFIRM", "DISMISS", "CLOSE");

    /** A bulk action's result: how many were applied, proposed and refused, and each warning's line. */
    record BulkResult(int applied, int proposed, int refused, int done, int failed, List<WarningReview.BulkItem> results) {
    }

    @PostMapping("/bulk")
    @Operation(summary = "批量分派、确认、排除或办结（逐条处理，双人复核规则与逐条处理相同：须批准的生成建议）/ Assign, confirm, dismiss "
            + "or close several warnings, each on its own under the single action's four-eyes rules")
    BulkResult bulk(@RequestBody BulkRequest request, Authentication auth) {
        CurrentUser user = me(auth);
        List<FieldError> errors = new ArrayList<>();
        if (request.ids() == null || request.ids().isEmpty() || request.ids().size() > MAX_PAGE_SIZE) {
            errors.add(new FieldError("ids", "应为 1–" + MAX_PAGE_SIZE + " 个预警编号 / 1 to " + MAX_PAGE_SIZE + " warning ids"));
        }
        if (!BULK_ACTIONS.contains(request.action())) {
            errors.add(new FieldError("action", "批量操作只能是以下之一：" + BULK_ACTIONS + " / bulk action must be one of: " + BULK_ACTIONS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<WarningReview.BulkItem> results = review.bulk(request.ids(), new WarningReview.ActionRequest(request.action(),
                request.assignee(), request.comment(), request.form(), request.reason()), user);
        int applied = count(results, WarningReview.BulkOutcome.APPLIED);
        int proposed = count(results, WarningReview.BulkOutcome.PROPOSED);
        int refused = count(results, WarningReview.BulkOutcome.REFUSED);
        return new BulkResult(applied, proposed, refused, applied + proposed, refused, results);
    }

    private static int count(List<WarningReview.BulkItem> results, WarningReview.BulkOutcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    @GetMapping("/export")
    @Operation(summary = "按筛选条件导出 XLSX / Export the filtered queue as XLSX")
    ResponseEntity<byte[]> exportQueue(@RequestParam(required = false) String domain, @RequestParam(required = false) Integer form,
            @RequestParam(required = false) String status, @RequestParam(required = false) String orgCode,
            @RequestParam(required = false) String ruleId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String subjectRef, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String sort, Authentication auth) {
        CurrentUser user = me(auth);
        WarningFilter filter = filter(domain, form, status, orgCode, ruleId, from, to, subjectRef, assignee, overdue, sort);
        byte[] body = export.queue(warnings.list(filter.inDistrict(user.district()), 0, MAX_EXPORT).items(),
                LocaleContextHolder.getLocale());
        accessLog.opened(user.username(), "EXPORT", "warnings", "API");
        return xlsx(body, "warnings.xlsx");
    }

    @GetMapping("/{id}/dossier")
    @Operation(summary = "导出单条预警卷宗 XLSX / A warning's dossier as XLSX")
    ResponseEntity<byte[]> dossier(@PathVariable String id, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView warning = warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
        accessLog.opened(user.username(), "DOSSIER", id, "API");
        return xlsx(export.dossier(warning, warnings.history(id), LocaleContextHolder.getLocale()), "warning-" + id + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    private CurrentUser me(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }

    static WarningFilter filter(String domain, Integer form, String status, String orgCode, String ruleId, LocalDate from,
            LocalDate to, String subjectRef, String assignee, Boolean overdue, String sort) {
        List<FieldError> errors = new ArrayList<>();
        if (domain != null && Domain.parse(domain).isEmpty()) {
            errors.add(new FieldError("domain", "未知领域 / unknown domain"));
        }
        if (form != null && (form < 1 || form > 4)) {
            errors.add(new FieldError("form", "形态应为 1–4 / form must be 1 to 4"));
        }
        if (status != null && Arrays.stream(WarningStatus.values()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new FieldError("status", "未知状态 / unknown status"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "不能早于 from / must not be before from"));
        }
        WarningFilter.Sort order = WarningFilter.Sort.NEWEST;
        if (sort != null) {
            try {
                order = WarningFilter.Sort.valueOf(sort);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "取值必须是以下之一 / must be one of: " + List.of(WarningFilter.Sort.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new WarningFilter(domain, form, status, orgCode, ruleId, from, to, subjectRef, assignee, overdue, null,
                status != null, order);
    }
}
