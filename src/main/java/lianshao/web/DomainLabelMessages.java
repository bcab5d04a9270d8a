package lianshao.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

import lianshao.contract.Domain;

/**
 * The console's texts: {@code messages.properties} (Chinese, the default) and {@code messages_en.properties}, plus
 * the names of the domains ({@code domain.<NAME>}) and of their import kinds ({@code imports.kind.<slug>}) from their
 * declarations, so that a new domain needs no message keys of its own.
 */
@Configuration(proxyBeanMethods = false)
class DomainLabelMessages {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource() {
            @Override
            protected String resolveCodeWithoutArguments(String code, Locale locale) {
                return declared(code, locale).orElseGet(() -> super.resolveCodeWithoutArguments(code, locale));
            }

            @Override
            protected MessageFormat resolveCode(String code, Locale locale) {
                return declared(code, locale).map(text -> createMessageFormat(text, locale))
                        .orElseGet(() -> super.resolveCode(code, locale));
            }
        };
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static Optional<String> declared(String code, Locale locale) {
        if (code.startsWith("domain.")) {
            return Domain.parse(code.substring("domain.".length())).map(d -> d.label(locale));
        }
        if (code.startsWith("imports.kind.")) {
            String slug = code.substring("imports.kind.".length());
            return Domain.values().stream().filter(d -> d.slug().equals(slug)).findFirst().map(d -> d.label(locale));
        }
        return Optional.empty();
    }
}
