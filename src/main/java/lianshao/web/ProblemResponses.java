package lianshao.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 {@code application/problem+json}; validation errors list their fields.
 * Spring MVC's own errors (unknown path, wrong method, wrong media type) come from the base class in
 * the same format; anything unexpected is a 500 problem that reveals no internals.
 */
@RestControllerAdvice(basePackages = "lianshao")
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ValidationFailed.class)
    ResponseEntity<ProblemDetail> validation(ValidationFailed e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "请求数据无效 / Invalid request data",
                e.errors().size() + " 处错误 / " + e.errors().size() + " error(s)");
        problem.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "请求参数无效 / Invalid parameter",
                "参数 " + e.getName() + " 无效 / invalid parameter " + e.getName());
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "取值无效 / invalid value")));
        return respond(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "未找到 / Not found", e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作 / Forbidden", e.getMessage()));
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "请求体过大 / Request body too large", e.getMessage()));
    }

    @ExceptionHandler(ServiceBusy.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusy e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "服务繁忙 / Service busy", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .header(HttpHeaders.CONTENT_TYPE, "application/problem+json").body(problem);
    }

    /** An upload over the servlet container's multipart limit (spring.servlet.multipart.*). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "文件过大 / File too large",
                "上传的文件超过大小上限 / the uploaded file exceeds the size limit");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .body(problem);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return respond(problem(HttpStatus.CONFLICT, "conflict", "状态冲突 / Conflict", e.getMessage()));
    }

    /**
     * The database is unreachable or busy: tell the client to come back rather than fail hard. Besides
     * transaction start, this covers a pool that hands out no connection outside a transaction
     * (CannotGetJdbcConnectionException is a resource failure) and a connection lost mid-statement
     * (Connector/J's socket timeout: recoverable).
     */
    @ExceptionHandler({CannotCreateTransactionException.class, TransientDataAccessException.class,
            DataAccessResourceFailureException.class, RecoverableDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("database unavailable: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "服务暂不可用 / Service unavailable",
                "数据库暂不可用，请稍后重试 / the database is unavailable, retry later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .header(HttpHeaders.CONTENT_TYPE, "application/problem+json").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filters answer these
        }
        log.error("unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "内部错误 / Internal error",
                "服务内部错误，已记录 / an internal error occurred and was logged"));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://lianshao.local/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.CONTENT_TYPE, "application/problem+json").body(problem);
    }
}
