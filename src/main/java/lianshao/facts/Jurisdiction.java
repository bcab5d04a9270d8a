package lianshao.facts;

/**
 * Where the current record's organisation sits: its district and parent bureau (null when the
 * organisation is not registered yet). Thresholds can differ by district: the {@link Thresholds} fact is read for this district.
 */
public record Jurisdiction(String orgCode, String district, String parentCode) {
}
