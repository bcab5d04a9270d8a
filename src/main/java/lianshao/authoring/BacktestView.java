package lianshao.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A backtest: its progress and, as it goes, the differences against the baseline (the version active when
 * it started) — counted by change, by rule and by organisation.
 */
public record BacktestView(String id, int version, Integer baselineVersion, String baselineContentHash,
        String candidateContentHash, LocalDate from, LocalDate to, String status, int total, int done, int failed,
        String requestedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, String error,
        Map<String, Long> changes, Map<String, Map<String, Long>> byRule, Map<String, Map<String, Long>> byOrg) {
}
