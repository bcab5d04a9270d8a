package lianshao.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;

/**
 * The mapper Spring MVC binds request bodies with refuses a key given twice in one object, like
 * {@link lianshao.support.Json#MAPPER}: otherwise the first and the last value could each be taken by
 * a different reader (a proxy, an audit copy, this service).
 */
@Configuration(proxyBeanMethods = false)
class JsonMapperConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
