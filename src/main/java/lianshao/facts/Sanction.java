package lianshao.facts;

import java.time.LocalDate;

/** A sanction already imposed on a subject. */
public record Sanction(String subjectRef, String kind, int form, LocalDate start, LocalDate end) {

    public boolean activeOn(LocalDate day) {
        return Validity.activeOn(start, end, day);
    }
}
