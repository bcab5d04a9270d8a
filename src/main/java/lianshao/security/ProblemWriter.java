package lianshao.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import lianshao.support.Json;

/** Writes problem+json from filters, where no controller advice applies. */
@Component
class ProblemWriter {

    void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://lianshao.local/problems/"
                + (status == 401 ? "unauthenticated" : status == 503 ? "unavailable" : status == 429 ? "too-many-sign-in-attempts"
                : "forbidden"));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"lianshao\"");
        }
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.getWriter().write(Json.write(problem));
    }
}
