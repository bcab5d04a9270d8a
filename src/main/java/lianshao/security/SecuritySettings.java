package lianshao.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapFeed          with {@code bootstrapApiKey}: a feed and key created at start-up
 *                               (env LIANSHAO_BOOTSTRAP_FEED, LIANSHAO_BOOTSTRAP_API_KEY)
 * @param bootstrapApiKey        the key for {@code bootstrapFeed}, both scopes
 * @param bootstrapAdminPassword creates the user {@code admin} if set (env LIANSHAO_BOOTSTRAP_ADMIN_PASSWORD)
 * @param bootstrapSecondAdminPassword creates the user {@code admin2} (ADMIN) if set (env
 *                               LIANSHAO_BOOTSTRAP_SECOND_ADMIN_PASSWORD): the second administrator who confirms
 *                               the first one's account changes (AccountChanges)
 * @param apiKeyCacheTtl         how long a successful API-key lookup is reused without the database; a key
 *                               revoked on another instance is still accepted here for up to this long. Zero
 *                               turns the cache off
 */
@ConfigurationProperties("lianshao.security")
public record SecuritySettings(String bootstrapFeed, String bootstrapApiKey, String bootstrapAdminPassword,
        String bootstrapSecondAdminPassword, @DefaultValue("5s") Duration apiKeyCacheTtl) {
}
