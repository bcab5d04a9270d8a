package lianshao.warnings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The disposal loop (docs/workflow.md). Deadlines end at midnight in the office's zone ({@code lianshao.zone}). {@code recheck-days} of the same prefix is grading's (R1).
 *
 * @param maxWorkingDays the longest deadline, extension or new deadline after a return, in working days
 */
@ConfigurationProperties("lianshao.disposal")
public record DisposalSettings(@DefaultValue("60") int maxWorkingDays) {
}
