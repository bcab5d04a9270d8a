package lianshao.console;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import lianshao.support.OneLanguage;

/**
 * Chinese first; {@code ?lang=en} switches to English and is remembered in a cookie. Only the console's
 * two languages are accepted: any other value of {@code lang} is ignored (the current language stays),
 * so a malformed one can never reach the locale parser and fail the request.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale implements WebMvcConfigurer {

    private static final Map<String, Locale> LANGUAGES = Map.of(
            "zh", Locale.SIMPLIFIED_CHINESE, "zh-cn", Locale.SIMPLIFIED_CHINESE, "zh_cn", Locale.SIMPLIFIED_CHINESE,
            "en", Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(OneLanguage.CONSOLE_COOKIE);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                Locale chosen = lang == null ? null : LANGUAGES.get(lang.trim().toLowerCase(Locale.ROOT));
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (chosen != null && resolver != null) {
                    resolver.setLocale(request, response, chosen);
                }
                return true;
            }
        });
    }
}
