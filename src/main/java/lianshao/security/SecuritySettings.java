package lianshao.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapFeed          with {@code bootstrapApiKey}: a feed and key created at start-up
 *                               (env LIANSHAO_BOOTSTRAP_FEED, LIANSHAO_BOOTSTRAP_API_KEY)
 * @param bootstrapApiKey        the key for {@code bootstrapFeed}, both scopes
 * @param bootstrapAdminPassword creates the user {@code admin} if set (env LIANSHAO_BOOTSTRAP_ADMIN_PASSWORD)
 */
@ConfigurationProperties("lianshao.security")
public record SecuritySettings(String bootstrapFeed, String bootstrapApiKey, String bootstrapAdminPassword) {
}
