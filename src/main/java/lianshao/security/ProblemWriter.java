package lianshao.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import lianshao.support.Json;
import lianshao.support.OneLanguage;

/** Writes problem+json from filters, where no controller advice applies; in the request's language ({@link OneLanguage#of}). */
@Component
class ProblemWriter {

    void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://lianshao.local/problems/"
                + (status == 401 ? "unauthenticated" : status == 503 ? "unavailable" : status == 429 ? "too-many-sign-in-attempts"
                : "forbidden"));
        Locale locale = OneLanguage.of(request);
        problem.put("title", OneLanguage.pick(title, locale));
        problem.put("status", status);
        problem.put("detail", OneLanguage.pick(detail, locale));
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
