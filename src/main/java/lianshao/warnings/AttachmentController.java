package lianshao.warnings;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;

/**
 * Evidence files of a unit's reply: the unit uploads, lists and downloads them on its own tasks; reviewers list and
 * download them on the warnings of their data scope (a warning or task out of reach answers 404). A download is
 * logged in the access log and always offered as a file to save, never shown in the browser.
 */
@RestController
@Tag(name = "Attachments 证明材料", description = "整改证明材料：PDF、图片、Office 文档，按内容判断类型，限制大小，SHA-256")
class AttachmentController {

    private final Attachments attachments;
    private final WarningReview review;
    private final Warnings warnings;
    private final AttachmentDownloads downloads;
    private final CurrentUsers users;

    AttachmentController(Attachments attachments, WarningReview review, Warnings warnings, AttachmentDownloads downloads,
            CurrentUsers users) {
        this.attachments = attachments;
        this.review = review;
        this.warnings = warnings;
        this.downloads = downloads;
        this.users = users;
    }

    @PostMapping(path = "/api/v1/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传整改证明材料（字段 file；PDF、PNG、JPEG、DOCX、XLSX、PPTX、DOC、XLS，按内容判断；默认上限 10 MB）"
            + " / Upload an evidence file to a task (field file)")
    ResponseEntity<Attachments.Attachment> upload(@PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.upload(id, file, unit(auth)));
    }

    @GetMapping("/api/v1/tasks/{id}/attachments")
    @Operation(summary = "本单位任务的证明材料 / The evidence files of my unit's task")
    List<Attachments.Attachment> taskList(@PathVariable String id, Authentication auth) {
        CurrentUser user = unit(auth);
        review.visible(id, user).orElseThrow(() -> new NotFound("任务不存在：" + id + " / no task " + id));
        return attachments.of(id);
    }

    @GetMapping("/api/v1/tasks/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载本单位任务的一份证明材料 / Download an evidence file of my unit's task")
    ResponseEntity<byte[]> taskDownload(@PathVariable String id, @PathVariable String attachmentId, Authentication auth) {
        CurrentUser user = unit(auth);
        review.visible(id, user).orElseThrow(() -> new NotFound("任务不存在：" + id + " / no task " + id));
        return download(id, attachmentId, user);
    }

    @GetMapping("/api/v1/warnings/{id}/attachments")
    @Operation(summary = "预警的整改证明材料 / The evidence files of a warning")
    List<Attachments.Attachment> warningList(@PathVariable String id, Authentication auth) {
        CurrentUser user = reader(auth);
        warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
        return attachments.of(id);
    }

    @GetMapping("/api/v1/warnings/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载预警的一份证明材料 / Download an evidence file of a warning")
    ResponseEntity<byte[]> warningDownload(@PathVariable String id, @PathVariable String attachmentId, Authentication auth) {
        CurrentUser user = reader(auth);
        warnings.find(id, user.district()).orElseThrow(() -> new NotFound("预警不存在：" + id + " / no warning " + id));
        return download(id, attachmentId, user);
    }

    private ResponseEntity<byte[]> download(String warningId, String attachmentId, CurrentUser user) {
        return downloads.serve(warningId, attachmentId, user, "API");
    }

    private CurrentUser unit(Authentication auth) {
        return users.of(auth).filter(u -> u.has(Role.UNIT))
                .orElseThrow(() -> new Forbidden("需要以责任单位联络人身份登录 / a unit liaison is required"));
    }

    private CurrentUser reader(Authentication auth) {
        return users.of(auth).filter(u -> !u.has(Role.UNIT))
                .orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }
}
