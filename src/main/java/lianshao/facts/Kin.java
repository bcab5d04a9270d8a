package lianshao.facts;

import java.time.LocalDate;

/**
 * Kinship between two persons, in both directions: a declared SPOUSE relation between A and B gives
 * {@code Kin(A, B)} and {@code Kin(B, A)}.
 */
public record Kin(String a, String b, String kind, LocalDate validFrom, LocalDate validTo) {

    public boolean activeOn(LocalDate day) {
        return Validity.activeOn(validFrom, validTo, day);
    }

    public boolean activeWithinYears(LocalDate day, int years) {
        return Validity.activeWithinYears(validFrom, validTo, day, years);
    }
}
