package lianshao.warnings;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The disposal loop (docs/workflow.md). {@code recheck-days} of the same prefix is grading's (R1).
 *
 * @param zone           the city's zone: a deadline ends at midnight there
 * @param maxWorkingDays the longest deadline, extension or new deadline after a return, in working days
 */
@ConfigurationProperties("lianshao.disposal")
public record DisposalSettings(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("60") int maxWorkingDays) {
}
