package lianshao.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A run applying a rule-set version to stored records: who started it and when, its period of the acts, domains and
 * district (null: the whole city), the version applied (number and content hash), and its progress: records to do,
 * done, failed, and warnings raised. {@code status}: RUNNING, DONE or FAILED.
 */
public record ReapplicationView(String id, int version, String ruleSetVersion, LocalDate from, LocalDate to, List<String> domains,
        String district, String status, int total, int done, int failed, int raised, String requestedBy,
        OffsetDateTime createdAt, OffsetDateTime finishedAt, String error) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
