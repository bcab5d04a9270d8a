package lianshao.rules;

import java.util.List;

/**
 * What a catalogue rule declares about itself: {@code @id}, {@code @title}, {@code @form} (base form
 * 1–4), {@code @clause} (plan measures), {@code @basis} (law, with its [V]/[S]/[U] mark),
 * {@code @departments}; optionally {@code @titleEn} and {@code @combinedWith("TEN-05,TEN-06:2")}: the
 * form this rule's warning takes when one of the named rules hits the same record; optionally
 * {@code @validFrom("2026-01-01")} / {@code @validTo(...)}: the days the rule is in force.
 */
public record RuleMetadata(String id, String title, String titleEn, int form, List<String> clauses,
        String basis, List<String> departments, Combination combinedWith, String file, int line,
        RuleValidity validity) {

    public RuleMetadata(String id, String title, String titleEn, int form, List<String> clauses, String basis,
            List<String> departments, Combination combinedWith, String file, int line) {
        this(id, title, titleEn, form, clauses, basis, departments, combinedWith, file, line, null);
    }

    /** "2 with TEN-05 or TEN-06". */
    public record Combination(List<String> ruleIds, int form) {
    }

    public String clause() {
        return String.join(",", clauses);
    }
}
