package lianshao.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.warnings.AccessLog;
import lianshao.warnings.AttachmentDownloads;
import lianshao.warnings.Attachments;
import lianshao.warnings.ReviewAction;
import lianshao.warnings.WarningReview;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;
import lianshao.web.BodyTooLarge;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * 整改任务 ({@code /tasks}): the responsible unit's liaison sees the warnings dispatched to its own organisation, replies
 * with an explanation and a rectification report and asks for an extension. Another unit's task is not found; the
 * unit sees the problem, the deadline and a return's reason, not the reviewers' evidence or comments.
 */
@Controller
class TaskPages {

    private static final int MAX_TASKS = 500;

    private final Warnings warnings;
    private final WarningReview review;
    private final AccessLog accessLog;
    private final Attachments attachments;
    private final AttachmentDownloads downloads;
    private final ConsoleText text;
    private final Me me;

    private final ConsoleFormat fmt;

    TaskPages(Warnings warnings, WarningReview review, AccessLog accessLog, Attachments attachments,
            AttachmentDownloads downloads, ConsoleText text, Me me, ConsoleFormat fmt) {
        this.fmt = fmt;
        this.warnings = warnings;
        this.review = review;
        this.accessLog = accessLog;
        this.attachments = attachments;
        this.downloads = downloads;
        this.text = text;
        this.me = me;
    }

    @GetMapping("/tasks")
    String list(Model model, Authentication auth) {
        CurrentUser user = unitUser(auth);
        model.addAttribute("tasks", warnings.dispatchedTo(unitOf(user), MAX_TASKS));
        return "tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Model model, Authentication auth) {
        CurrentUser user = unitUser(auth);
        WarningView w = find(id, user);
        accessLog.opened(user.username(), "TASK", id, "CONSOLE");
        List<String> allowed = new ArrayList<>();
        review.options(w, user).forEach((action, decision) -> {
            if (!decision.refused()) {
                allowed.add(action.name());
            }
        });
        model.addAttribute("w", w);
        model.addAttribute("title", ConsoleText.english() && w.titleEn() != null ? w.titleEn() : w.title());
        String message = ConsoleText.english() && w.messageEn() != null ? w.messageEn() : w.message();
        model.addAttribute("taskMessage", message);
        model.addAttribute("taskMessageHtml", fmt.namedCodes(message));
        model.addAttribute("allowed", allowed);
        model.addAttribute("attachments", attachments.of(id));
        return "task";
    }

    /** An evidence file for the reply; the checks (state, type by content, size) are those of the API. */
    @PostMapping("/tasks/{id}/attachments")
    String upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = unitUser(auth);
        find(id, user);
        try {
            Attachments.Attachment saved = attachments.upload(id, file, user);
            redirect.addFlashAttribute("message", text.text("attachment.uploaded", saved.fileName()));
        } catch (Conflict | BodyTooLarge | ValidationFailed e) {
            redirect.addFlashAttribute("error", text.text("attachment.refused", e instanceof ValidationFailed v
                    ? String.join("; ", v.errors().stream().map(f -> ConsoleText.pick(f.message())).toList())
                    : ConsoleText.pick(e.getMessage())));
        }
        return "redirect:/tasks/" + id;
    }

    @GetMapping("/tasks/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId, Authentication auth) {
        CurrentUser user = unitUser(auth);
        find(id, user);
        return downloads.serve(id, attachmentId, user, "CONSOLE");
    }

    @PostMapping("/tasks/{id}/reply")
    String reply(@PathVariable String id, @RequestParam(required = false) String explanation,
            @RequestParam(required = false) String report, Authentication auth, RedirectAttributes redirect) {
        return act(id, new WarningReview.ActionRequest(ReviewAction.REPLY.name(), null, null, null, null, null, null, null, null,
                explanation, report), auth, redirect);
    }

    @PostMapping("/tasks/{id}/extension")
    String extension(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer workingDays, Authentication auth, RedirectAttributes redirect) {
        return act(id, new WarningReview.ActionRequest(ReviewAction.REQUEST_EXTENSION.name(), null, null, null, reason, null, null,
                workingDays, null, null, null), auth, redirect);
    }

    private String act(String id, WarningReview.ActionRequest request, Authentication auth, RedirectAttributes redirect) {
        CurrentUser user = unitUser(auth);
        find(id, user);
        try {
            WarningView after = review.act(id, request, user);
            redirect.addFlashAttribute("message", text.text("action.done", text.text("action." + request.action()),
                    text.text("status." + after.status())));
        } catch (Conflict | ValidationFailed e) {
            redirect.addFlashAttribute("error", text.text("action.refused", e instanceof ValidationFailed v
                    ? String.join("; ", v.errors().stream().map(f -> ConsoleText.pick(f.message())).toList())
                    : ConsoleText.pick(e.getMessage())));
        }
        return "redirect:/tasks/" + id;
    }

    private WarningView find(String id, CurrentUser user) {
        return review.visible(id, user).orElseThrow(() -> new NotFound("任务不存在：" + id + " / no task " + id));
    }

    private CurrentUser unitUser(Authentication auth) {
        CurrentUser user = me.withAnyRole(auth, Role.UNIT);
        unitOf(user);
        return user;
    }

    private static String unitOf(CurrentUser user) {
        if (user.orgs().size() != 1) {
            throw new Forbidden("账户未绑定唯一的责任单位 / the account is not bound to exactly one organisation");
        }
        return user.orgs().iterator().next();
    }
}
