package lianshao.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What every domain record has: its identity, organisation and time. */
public interface RecordFact {

    String recordId();

    String externalId();

    String source();

    String orgCode();

    OffsetDateTime occurredAt();

    /** The calendar day of {@link #occurredAt()} in its own offset. */
    LocalDate occurredOn();

    /** True for the record under evaluation, false for the earlier records of its context. */
    boolean current();

    /** The domain's name, as its {@link RecordDomain} declares it. */
    default String domain() {
        return getClass().getAnnotation(RecordDomain.class).name();
    }
}
