package lianshao.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The re-check after rectification (R1).
 *
 * @param recheckDays a hit of the same rule on the same subject or unit within this many days after an earlier
 *                    warning was rectified (销号) says 整改不到位 and is graded one form higher
 */
@ConfigurationProperties("lianshao.disposal")
public record RecheckSettings(@DefaultValue("180") int recheckDays) {
}
