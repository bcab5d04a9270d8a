package lianshao.warnings;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import lianshao.security.CurrentUser;
import lianshao.web.NotFound;

/**
 * One evidence file served for saving, the same way from the API and the console: logged in the access log, offered as
 * an attachment with nosniff and a sandboxing policy, never cached. The caller has already checked that the user may
 * reach the warning or task.
 */
@Component
public class AttachmentDownloads {

    /** Nothing in a downloaded file may run or load anything, should a browser ever render it. */
    static final String CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

    private final Attachments attachments;
    private final AccessLog accessLog;

    AttachmentDownloads(Attachments attachments, AccessLog accessLog) {
        this.attachments = attachments;
        this.accessLog = accessLog;
    }

    /** @param channel where it was asked for, as the access log records it ({@code API} or {@code CONSOLE}) */
    public ResponseEntity<byte[]> serve(String warningId, String attachmentId, CurrentUser user, String channel) {
        Attachments.Download file = attachments.download(warningId, attachmentId)
                .orElseThrow(() -> new NotFound("证明材料不存在：" + attachmentId + " / no attachment " + attachmentId));
        accessLog.opened(user.username(), "ATTACHMENT", warningId + "/" + attachmentId, channel);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.attachment().mediaType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.attachment().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    /** {@code attachment} with an ASCII fallback name and the real one as RFC 5987 {@code filename*}. */
    static String disposition(String fileName) {
        String ascii = fileName.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? fileName
                : "attachment" + fileName.substring(Math.max(0, fileName.lastIndexOf('.')));
        String encoded = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
        return "attachment; filename=\"" + ascii + "\"; " + encoded.substring("attachment; ".length());
    }
}
