package lianshao.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies bound with {@code @RequestBody} (warning actions, mutes, ...) pass the same checks as the
 * bodies the controllers read themselves ({@link JsonBodies}): size limit, no key twice in an object,
 * no unpaired surrogate, each answered 400 naming the field before anything is bound or stored.
 */
@ControllerAdvice(basePackages = "lianshao")
class StrictJsonRequestBodies extends RequestBodyAdviceAdapter {

    private final JsonBodies bodies;
    private final long limit;

    StrictJsonRequestBodies(JsonBodies bodies, ApiSettings settings) {
        this.bodies = bodies;
        this.limit = settings.maxBodySize().toBytes();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        // the Jackson 3 converter, or any other JSON one that may be configured
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converter)
                || converter.getSimpleName().toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) throws IOException {
        byte[] bytes;
        try (InputStream in = input.getBody()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (bytes.length > limit) {
            throw new BodyTooLarge(limit);
        }
        bodies.parse(bytes);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
