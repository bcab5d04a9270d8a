package lianshao.rules;

import java.time.LocalDate;

/**
 * When a rule is in force ({@code @validFrom} / {@code @validTo}, both inclusive, either open): conduct
 * is judged by the rules of its time, so a record is judged only by the rules in force on the day it
 * occurred.
 */
public record RuleValidity(LocalDate from, LocalDate to) {

    public boolean inForceOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
