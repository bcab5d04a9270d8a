package lianshao.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import lianshao.support.Json;

/**
 * Reads a JSON request body with a size limit and turns malformed JSON into a 400 naming where it
 * broke. Controllers take the tree and validate it against the contract themselves.
 */
@Component
public class JsonBodies {

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
        if (bytes.length == 0) {
            throw ValidationFailed.of("$", "请求体为空 / request body is empty");
        }
        try {
            return Json.parse(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ValidationFailed.of("$", "JSON 格式错误 / malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
