package lianshao.facts;

import java.time.LocalDate;

/** A person's role in an organisation: SHAREHOLDER, OFFICER, LEGAL_REPRESENTATIVE, CONTROLLER or EMPLOYEE. */
public record CompanyRole(String personRef, String orgRef, String kind, LocalDate validFrom, LocalDate validTo) {

    public boolean activeOn(LocalDate day) {
        return Validity.activeOn(validFrom, validTo, day);
    }

    public boolean activeWithinYears(LocalDate day, int years) {
        return Validity.activeWithinYears(validFrom, validTo, day, years);
    }

    /** Shareholder, officer, legal representative or controller (not a plain employee). */
    public boolean control() {
        return Relation.COMPANY_ROLES.contains(kind);
    }
}
