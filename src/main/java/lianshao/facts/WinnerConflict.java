package lianshao.facts;

/**
 * The winner of the current tender is tied to an official of the tenderer (derived in TEN-08's rule
 * file, read by TEN-08 and TEN-10): {@code holderRef} is a shareholder, officer, legal representative
 * or controller of the winner; {@code officialRef} the approver or a leader ({@code officialRole}
 * says which); {@code kinKind} the kinship between the two, null when they are one person.
 */
public record WinnerConflict(String recordId, String holderRef, String officialRef, String officialRole, String kinKind) {
}
