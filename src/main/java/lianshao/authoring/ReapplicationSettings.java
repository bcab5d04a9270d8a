package lianshao.authoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of applying the active rule set to stored records.
 *
 * @param maxDays    the longest period of the acts (occurredAt) one run may cover, in days from its first to its last
 * @param maxRecords the most records one run may cover; a larger period is refused
 * @param staleAfter a run whose progress has not moved for this long was left by a stopped instance: it is ended
 *                   (FAILED) when the next run is started, instead of blocking it
 */
@ConfigurationProperties("lianshao.reapplication")
public record ReapplicationSettings(@DefaultValue("366") int maxDays, @DefaultValue("200000") int maxRecords,
        @DefaultValue("10m") Duration staleAfter) {
}
