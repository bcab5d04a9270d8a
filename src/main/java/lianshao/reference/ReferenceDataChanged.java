package lianshao.reference;

import java.util.Collection;
import java.util.List;

/**
 * Reference data changed in a way that may change the result of stored records. Published inside the
 * writing transaction, so the re-evaluation it causes is queued durably together with the change.
 */
public record ReferenceDataChanged(Kind kind, List<String> keys, String reason) {

    public enum Kind { PARTIES, ORG, ADMISSION_PLAN, CALENDAR_YEAR }

    public static ReferenceDataChanged parties(Collection<String> partyRefs, String reason) {
        return new ReferenceDataChanged(Kind.PARTIES, List.copyOf(partyRefs), reason);
    }

    public static ReferenceDataChanged org(String orgCode, String reason) {
        return new ReferenceDataChanged(Kind.ORG, List.of(orgCode), reason);
    }

    /** Key {@code org|year|stage}. */
    public static ReferenceDataChanged admissionPlan(String orgCode, int year, String stage, String reason) {
        return new ReferenceDataChanged(Kind.ADMISSION_PLAN, List.of(orgCode + "|" + year + "|" + stage), reason);
    }

    public static ReferenceDataChanged calendarYear(int year, String reason) {
        return new ReferenceDataChanged(Kind.CALENDAR_YEAR, List.of(String.valueOf(year)), reason);
    }
}
