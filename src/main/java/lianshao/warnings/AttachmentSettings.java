package lianshao.warnings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBytes the largest evidence file a unit may upload (413 above). Keep it below
 *                 {@code spring.servlet.multipart.max-file-size} so that this clearer answer comes first, and below the
 *                 database server's {@code max_allowed_packet} (docs/security.md).
 */
@ConfigurationProperties("lianshao.attachments")
public record AttachmentSettings(@DefaultValue("10MB") DataSize maxBytes) {
}
