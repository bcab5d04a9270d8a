package lianshao.facts;

/**
 * A person with the role LEADER or PRINCIPAL at the current record's organisation or at its parent
 * bureau. {@code orgCode} is the current record's organisation.
 */
public record Leader(String personRef, String orgCode, String atOrgCode, String role) {
}
