package lianshao.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A backtest: its progress and, as it goes, the differences against the baseline (the version active when
 * it started) — counted by change, by rule and by organisation.
 *
 * @param total           the records in the range
 * @param done            the records judged or skipped so far ({@code skipped} count from the start)
 * @param skipped         records of domains on which no rule the version changes can fire: not loaded, no difference
 * @param judgedRules     the catalogue ids of the rules judged (those the version changes); null: every rule
 * @param judgedAllReason why every rule was judged (Chinese / English); null when only some were
 */
public record BacktestView(String id, int version, Integer baselineVersion, String baselineContentHash,
        String candidateContentHash, LocalDate from, LocalDate to, String status, int total, int done, int failed,
        int skipped, List<String> judgedRules, String judgedAllReason, String requestedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, String error,
        Map<String, Long> changes, Map<String, Map<String, Long>> byRule, Map<String, Map<String, Long>> byOrg) {
}
