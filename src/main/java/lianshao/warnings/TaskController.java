package lianshao.warnings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.grading.SupervisionForm;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;

/**
 * The responsible unit's side of the loop (责任单位联络人, Role.UNIT): the warnings dispatched to its own
 * organisation, read one, reply with an explanation and a rectification report, ask for an extension. A task of
 * another organisation answers 404, on reads and on writes. The unit sees what it must rectify — the problem, the
 * deadline, returns and their reasons — not the reviewers' evidence, grading or comments.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks 整改任务", description = "责任单位联络人：交办给本单位的整改任务、答复整改报告、申请延期")
class TaskController {

    private static final int MAX_TASKS = 500;
    /** What of a warning's history the unit sees: the loop, not the review. */
    private static final Set<String> LOOP_ACTIONS = Set.of("DISPATCH", "REPLY", "REQUEST_EXTENSION", "GRANT_EXTENSION",
            "DENY_EXTENSION", "RETURN", "ACCEPT", "ATTACH");

    private final Warnings warnings;
    private final WarningReview review;
    private final AccessLog accessLog;
    private final CurrentUsers users;

    TaskController(Warnings warnings, WarningReview review, AccessLog accessLog, CurrentUsers users) {
        this.warnings = warnings;
        this.review = review;
        this.accessLog = accessLog;
        this.users = users;
    }

    /** A rectification task as the unit sees it. */
    record Task(String id, String title, String titleEn, String message, String orgCode, String unitOrg, Integer form,
            String formName, String status, String responsiblePerson, OffsetDateTime dispatchedAt, OffsetDateTime dueAt,
            boolean overdue, WarningView.Priority priority, WarningView.Extension extension, String explanation, String report,
            OffsetDateTime repliedAt, String returnReason, int returnCount, OffsetDateTime rectifiedAt,
            List<WarningView.Action> history) {
    }

    /** Body of a reply. */
    record Reply(String explanation, String report) {
    }

    /** Body of an extension request. */
    record ExtensionRequest(String reason, Integer workingDays) {
    }

    @GetMapping
    @Operation(summary = "本单位的整改任务 / The tasks dispatched to my organisation")
    List<Task> list(Authentication auth) {
        String unit = unitOf(me(auth));
        return warnings.dispatchedTo(unit, MAX_TASKS).stream().map(w -> task(w, List.of())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一项整改任务 / One task")
    Task get(@PathVariable String id, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView w = review.visible(id, user).orElseThrow(() -> new NotFound("任务不存在：" + id + " / no task " + id));
        accessLog.opened(user.username(), "TASK", id, "API");
        return task(w, warnings.history(id));
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "答复：情况说明与整改报告 / Reply with an explanation and a rectification report")
    Task reply(@PathVariable String id, @RequestBody Reply body, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView w = review.act(id, new WarningReview.ActionRequest("REPLY", null, null, null, null, null, null, null, null,
                body.explanation(), body.report()), user);
        return task(w, warnings.history(id));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "申请延期（理由、工作日数）/ Ask for an extension, with a reason and the working days")
    Task extension(@PathVariable String id, @RequestBody ExtensionRequest body, Authentication auth) {
        CurrentUser user = me(auth);
        WarningView w = review.act(id, new WarningReview.ActionRequest("REQUEST_EXTENSION", null, null, null, body.reason(), null,
                null, body.workingDays(), null, null, null), user);
        return task(w, warnings.history(id));
    }

    private static Task task(WarningView w, List<WarningView.Action> history) {
        WarningView.Disposal d = w.disposal();
        Integer form = w.decidedForm();
        return new Task(w.id(), w.title(), w.titleEn(), w.message(), w.orgCode(), d.unitOrg(), form,
                form == null ? null : SupervisionForm.of(form).chineseName(), w.status(), d.responsiblePerson(), d.dispatchedAt(),
                w.dueAt(), w.overdue(), w.priority(), d.extension(), d.explanation(), d.report(), d.repliedAt(), d.returnReason(),
                d.returnCount(), d.rectifiedAt(),
                history.stream().filter(a -> LOOP_ACTIONS.contains(a.action())).toList());
    }

    private CurrentUser me(Authentication auth) {
        return users.of(auth).filter(u -> u.has(Role.UNIT))
                .orElseThrow(() -> new Forbidden("需要以责任单位联络人身份登录 / a unit liaison is required"));
    }

    private static String unitOf(CurrentUser user) {
        if (user.orgs().size() != 1) {
            throw new Forbidden("账户未绑定唯一的责任单位 / the account is not bound to exactly one organisation");
        }
        return user.orgs().iterator().next();
    }
}
