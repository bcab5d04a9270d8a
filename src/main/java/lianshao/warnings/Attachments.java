package lianshao.warnings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import lianshao.security.CurrentUser;
import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Times;
import lianshao.web.BodyTooLarge;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Evidence files of a unit's reply (整改证明材料): uploaded by the unit's liaison while the task is open for a reply
 * ({@link ReviewAction#ATTACH}, decided by {@link ReviewGuard} like every other action), checked by content against
 * the allow-list of {@link AttachmentType}, kept in the database with their SHA-256, and audited on the warning.
 */
@Service
public class Attachments {

    /** What is known of a stored file; its content is read only to be downloaded. */
    public record Attachment(String id, String warningId, String fileName, String mediaType, String kind, long size, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record Download(Attachment attachment, byte[] content) {
    }

    private static final int MAX_NAME_LENGTH = 200;
    private static final String COLUMNS = "id, warning_id, file_name, media_type, kind, size_bytes, sha256, uploaded_by, uploaded_at";

    /** One stored part of a file: 1 MB. */
    private static final int PART_BYTES = 1024 * 1024;

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final WarningReview review;
    private final long maxBytes;

    Attachments(JdbcClient jdbc, Warnings warnings, WarningReview review, AttachmentSettings settings) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.review = review;
        this.maxBytes = settings.maxBytes().toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Stores one file on a task the user's unit may reach (404 otherwise) and may still reply to (409 otherwise). */
    @Transactional
    public Attachment upload(String warningId, MultipartFile file, CurrentUser user) {
        WarningView w = review.visible(warningId, user).orElseThrow(() -> new NotFound("任务不存在：" + warningId + " / no task " + warningId));
        ReviewGuard.Decision decision = review.guard().decide(ReviewAction.ATTACH, ReviewGuard.Situation.of(w), user, null);
        if (decision.outcome() == ReviewGuard.Outcome.FORBIDDEN) {
            throw new Forbidden(decision.reason());
        }
        if (decision.outcome() != ReviewGuard.Outcome.APPLY) {
            throw new Conflict(decision.reason());
        }
        byte[] content = read(file);
        AttachmentType type = AttachmentType.detect(content).orElseThrow(() -> ValidationFailed.of("file",
                "只接受 PDF、PNG、JPEG 图片和 Office 文档（DOCX、XLSX、PPTX、DOC、XLS，不含宏），按文件内容判断 / only PDF, PNG, JPEG and "
                        + "Office documents (DOCX, XLSX, PPTX, DOC, XLS, without macros) are accepted, judged by the content"));
        String name = fileName(file.getOriginalFilename(), type);
        String sha256 = Hashing.sha256Hex(content);
        String id = Ids.newId();
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("INSERT INTO warning_attachment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, warningId, name, type.mediaType(), type.name(), content.length, sha256, user.username(), now)
                .update();
        // in parts: each is sent hex-encoded in one packet, twice its size, well under max_allowed_packet
        for (int part = 0, from = 0; from < content.length; part++, from += PART_BYTES) {
            jdbc.sql("INSERT INTO warning_attachment_part (attachment_id, part_no, content) VALUES (?, ?, ?)")
                    .params(id, part, Arrays.copyOfRange(content, from, Math.min(content.length, from + PART_BYTES))).update();
        }
        // the task must still be open for a reply when the file lands (a concurrent acceptance answers 409)
        int updated = jdbc.sql("UPDATE warning SET updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(now, warningId, w.version()).update();
        if (updated != 1) {
            throw new Conflict("任务已被同时修改，请刷新后重试 / the task was changed meanwhile; reload and retry");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attachmentId", id);
        details.put("fileName", name);
        details.put("sha256", sha256);
        details.put("size", content.length);
        details.put("type", type.name());
        warnings.audit(warningId, ReviewAction.ATTACH.name(), user.username(), now, w.status(), w.status(), name, details);
        return new Attachment(id, warningId, name, type.mediaType(), type.name(), content.length, sha256, user.username(),
                Times.offset(now));
    }

    public List<Attachment> of(String warningId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM warning_attachment WHERE warning_id = ? ORDER BY uploaded_at, id")
                .param(warningId).query((rs, n) -> attachment(rs)).list();
    }

    public Optional<Download> download(String warningId, String attachmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM warning_attachment WHERE warning_id = ? AND id = ?")
                .params(warningId, attachmentId).query((rs, n) -> attachment(rs)).optional()
                .map(a -> new Download(a, content(a)));
    }

    private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attachment(rs.getString("id"), rs.getString("warning_id"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getString("kind"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                Times.offset(rs.getObject("uploaded_at", LocalDateTime.class)));
    }

    /** The stored parts of the file joined in order. */
    private byte[] content(Attachment a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) a.size());
        jdbc.sql("SELECT content FROM warning_attachment_part WHERE attachment_id = ? ORDER BY part_no").param(a.id())
                .query((RowCallbackHandler) rs -> out.writeBytes(rs.getBytes(1)));
        return out.toByteArray();
    }

    /** The content, read no further than one byte past the limit whatever size the client declared. */
    private byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ValidationFailed.of("file", "请选择要上传的文件 / a non-empty file is required");
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw tooLarge();
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BodyTooLarge tooLarge() {
        return new BodyTooLarge("文件 file 超过 " + maxBytes + " 字节的上限 / the file exceeds the limit of " + maxBytes + " bytes");
    }

    /**
     * The name to store and offer: the last path segment only, without control or bidirectional formatting characters,
     * at most 200 characters, ending in the detected type's extension (a PDF named {@code x.exe} is offered as
     * {@code x.exe.pdf}).
     */
    static String fileName(String original, AttachmentType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> {
            int category = Character.getType(c);
            return category != Character.CONTROL && category != Character.FORMAT && category != Character.UNASSIGNED
                    && category != Character.SURROGATE && category != Character.PRIVATE_USE
                    && category != Character.LINE_SEPARATOR && category != Character.PARAGRAPH_SEPARATOR;
        }).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String suffix = "." + type.extension();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean fits = lower.endsWith(suffix) || type == AttachmentType.JPEG && lower.endsWith(".jpeg");
        String stem = fits ? name.substring(0, name.lastIndexOf('.')) : name;
        String ext = fits ? name.substring(name.lastIndexOf('.')) : suffix;
        int max = MAX_NAME_LENGTH - ext.length();
        if (stem.codePointCount(0, stem.length()) > max) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, max));
        }
        stem = stem.strip();
        return (stem.isEmpty() ? "attachment" : stem) + ext;
    }
}
