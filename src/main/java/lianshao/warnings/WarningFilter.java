package lianshao.warnings;

import java.time.LocalDate;

/** Filters of {@code GET /api/v1/warnings}; {@code from}/{@code to} bound the day the warning was raised. */
public record WarningFilter(String domain, Integer form, String status, String orgCode, String ruleId,
        LocalDate from, LocalDate to, String subjectRef) {
}
