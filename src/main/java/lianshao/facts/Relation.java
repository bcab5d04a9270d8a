package lianshao.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * A relation as declared. Kinship reads both ways (see {@link Kin}); company roles and employment
 * read person → organisation (see {@link CompanyRole}).
 */
public record Relation(String fromRef, String toRef, String kind, LocalDate validFrom, LocalDate validTo) {

    public static final Set<String> KINSHIP = Set.of("SPOUSE", "PARENT", "CHILD", "SIBLING", "IN_LAW", "OTHER_RELATIVE");
    public static final Set<String> COMPANY_ROLES = Set.of("SHAREHOLDER", "OFFICER", "LEGAL_REPRESENTATIVE", "CONTROLLER");

    public boolean kinship() {
        return KINSHIP.contains(kind);
    }

    public boolean companyRole() {
        return COMPANY_ROLES.contains(kind);
    }

    /** Holds on the given day (open ends count). */
    public boolean activeOn(LocalDate day) {
        return Validity.activeOn(validFrom, validTo, day);
    }

    /** Holds on the day or ended within the given number of years before it. */
    public boolean activeWithinYears(LocalDate day, int years) {
        return Validity.activeWithinYears(validFrom, validTo, day, years);
    }
}
