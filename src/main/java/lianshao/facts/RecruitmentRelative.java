package lianshao.facts;

/**
 * A person related to the candidate of a recruitment record (derived in REC-05's rule file): a
 * panel member who did not recuse ({@code role} PANEL) or a LEADER/PRINCIPAL of the hiring
 * organisation or its bureau ({@code role} LEADER, {@code atOrgCode} where they lead), with the
 * kinship {@code kind}, active on the record's {@link #decisionDay()}.
 */
public record RecruitmentRelative(String recordId, String personRef, String role, String atOrgCode, String kind) {

    /** "panel member P-1 (SIBLING)" style text for messages and evidence. */
    public String describe() {
        return ("PANEL".equals(role) ? "评委 " : "领导（" + atOrgCode + "）") + personRef + "（" + kind + "）";
    }
}
