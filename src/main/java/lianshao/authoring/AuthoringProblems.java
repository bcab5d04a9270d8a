package lianshao.authoring;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused submit as RFC 9457 problem+json, with the errors and failed test cases that refused it. */
@RestControllerAdvice(assignableTypes = {RuleSetController.class, BacktestController.class})
class AuthoringProblems {

    @ExceptionHandler(RuleSetRefused.class)
    ResponseEntity<ProblemDetail> refused(RuleSetRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://lianshao.local/problems/rule-set-refused"));
        problem.setTitle("规则集未通过检查 / Rule set refused");
        problem.setProperty("errors", e.errors());
        problem.setProperty("failedCases", e.failedCases());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.CONTENT_TYPE, "application/problem+json").body(problem);
    }
}
