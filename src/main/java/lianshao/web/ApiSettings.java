package lianshao.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize largest request body the API reads; larger ones are answered 413 */
@ConfigurationProperties("lianshao.api")
public record ApiSettings(@DefaultValue("10MB") DataSize maxBodySize) {
}
