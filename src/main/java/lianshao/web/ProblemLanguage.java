package lianshao.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import lianshao.support.OneLanguage;

/**
 * Every problem+json speaks one language, the request's ({@link OneLanguage#of}): its title, detail and the messages
 * of its {@code errors}. Type, status and field names stay as they are, for machines.
 */
@RestControllerAdvice(basePackages = "lianshao")
class ProblemLanguage implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem)) {
            return body;
        }
        HttpServletRequest servlet = request instanceof ServletServerHttpRequest s ? s.getServletRequest() : null;
        return inLanguage(problem, OneLanguage.of(servlet));
    }

    static ProblemDetail inLanguage(ProblemDetail problem, Locale locale) {
        problem.setTitle(OneLanguage.pick(problem.getTitle(), locale));
        problem.setDetail(OneLanguage.pick(problem.getDetail(), locale));
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors) {
            problem.setProperty("errors", errors.stream().map(e -> error(e, locale)).toList());
        }
        return problem;
    }

    private static Object error(Object error, Locale locale) {
        if (!(error instanceof Map<?, ?> fields)) {
            return error;
        }
        Map<Object, Object> one = new LinkedHashMap<>(fields);
        if (one.get("message") instanceof String message) {
            one.put("message", OneLanguage.pick(message, locale));
        }
        return one;
    }
}
