package lianshao.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

import lianshao.support.Json;

/**
 * Reads a JSON request body with a size limit and turns malformed JSON into a 400 naming where it
 * broke. Controllers take the tree and validate it against the contract themselves.
 */
@Component
public class JsonBodies {

    private static final String UNPAIRED = "含有不成对的 UTF-16 代理字符（如 \\ud800）/ holds an unpaired UTF-16 surrogate "
            + "(such as \\ud800), which is not Unicode text";

    private final long limit;

    JsonBodies(ApiSettings settings) {
        this.limit = settings.maxBodySize().toBytes();
    }

    public JsonNode read(HttpServletRequest request) {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLarge(limit);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limit) {
            throw new BodyTooLarge(limit);
        }
        return parse(bytes);
    }

    /**
     * Parses a body: 400 when it is empty or malformed, names a key twice in one object (the field of
     * the second) or holds an unpaired UTF-16 surrogate (the field holding it).
     */
    public JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw ValidationFailed.of("$", "请求体为空 / request body is empty");
        }
        JsonNode body;
        try {
            body = Json.parse(bytes);
        } catch (StreamReadException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate Object property")
                    && e.processor() != null) {
                throw ValidationFailed.of(Json.path(e.processor().streamReadContext()),
                        "字段重复出现 / the field appears more than once in its object");
            }
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Broken surrogate pair")
                    && e.processor() != null) {
                // the parser refuses a key with an unpaired surrogate itself: name the object holding it
                TokenStreamContext context = e.processor().streamReadContext();
                throw ValidationFailed.of(Json.path(context.inObject() ? context.getParent() : context), UNPAIRED);
            }
            throw malformed(e);
        } catch (JacksonException e) {
            throw malformed(e);
        }
        Json.loneSurrogate(body).ifPresent(field -> {
            throw ValidationFailed.of(field, UNPAIRED);
        });
        return body;
    }

    private static ValidationFailed malformed(JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return ValidationFailed.of("$", "JSON 格式错误 / malformed JSON" + where + ": " + e.getOriginalMessage());
    }
}
