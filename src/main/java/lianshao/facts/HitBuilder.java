package lianshao.facts;

import java.math.BigDecimal;
import java.util.Collection;

/** Details of a hit; every method returns the builder so calls chain. Null arguments are ignored. */
public interface HitBuilder {

    /** A person or organisation whose conduct the warning questions. */
    HitBuilder subject(String partyRef);

    HitBuilder subjects(Collection<String> partyRefs);

    /** A party named in the evidence who is not questioned (a supplier who benefits, a candidate). */
    HitBuilder counterparty(String partyRef);

    /** A fact that matched, shown to the reviewer. */
    HitBuilder evidence(String name, Object value);

    /** Another record that is part of the pattern (the other purchases of a sum...). */
    HitBuilder related(String recordId);

    HitBuilder related(Collection<String> recordIds);

    /** Grading step G1: a form above the rule's base form, with the reason. */
    HitBuilder escalate(int form, String reason);

    /** G1 escalation only when the condition holds (e.g. the amount reaches twice the threshold). */
    HitBuilder escalateIf(boolean condition, int form, String reason);

    /** Personal benefit of a subject, summed over time by grading step G5. */
    HitBuilder benefit(String subjectRef, BigDecimal amount);

    /** Grading step G5: a criminal-threshold indicator named by the catalogue (form 4). */
    HitBuilder suspectedCrime(String reason);

    /** G5 indicator only when the condition holds. */
    HitBuilder suspectedCrimeIf(boolean condition, String reason);

    /** The message in English, shown when the console is switched to English. */
    HitBuilder inEnglish(String message);
}
