package lianshao.warnings;

import java.time.LocalDateTime;

/**
 * Published for every entry of a warning's audit trail, inside the transaction that wrote it: who did what
 * ({@code action} as audited, e.g. ASSIGN or PROPOSE_CONFIRM) and the state it left. {@code at} in UTC.
 */
public record WarningAudited(String warningId, String action, String actor, String status, LocalDateTime at) {
}
