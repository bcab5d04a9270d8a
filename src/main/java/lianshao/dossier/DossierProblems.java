package lianshao.dossier;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A dossier asked for while its font is missing answers 503 {@code font-unavailable}, from the API and the
 * console alike (ordered before the general problem handler, which would make it a 500).
 */
@RestControllerAdvice(basePackages = "lianshao")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DossierProblems {

    @ExceptionHandler(FontUnavailable.class)
    ResponseEntity<ProblemDetail> fontUnavailable(FontUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("https://lianshao.local/problems/font-unavailable"));
        problem.setTitle("卷宗字体不可用 / Dossier font unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .body(problem);
    }
}
