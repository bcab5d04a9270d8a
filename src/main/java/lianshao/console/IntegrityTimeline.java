package lianshao.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.facts.Sanction;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;

/**
 * The one timeline of an integrity profile (廉政档案): the sanctions imposed on the party, the warnings naming it as a
 * subject, the warnings of records in which it was a counterparty (named by the record, not a subject of the
 * warning), and what became of each warning (dispatched, rectified, handed over, concluded with the form finally
 * decided, dismissed) — newest first, within the reader's district.
 */
@Component
class IntegrityTimeline {

    private static final int MAX_COUNTERPARTY = 200;

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final ReferenceQueries reference;
    private final DisplayFormat format;
    private final ConsoleText text;

    IntegrityTimeline(JdbcClient jdbc, Warnings warnings, ReferenceQueries reference, DisplayFormat format, ConsoleText text) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.reference = reference;
        this.format = format;
        this.text = text;
    }

    /** One event: its day (office's zone), kind (SANCTION, SUBJECT, COUNTERPARTY, OUTCOME), what happened, and the warning. */
    record Event(LocalDate day, String kind, String kindLabel, String description, String warningId, Integer form) {
    }

    /** The warnings of the district (null: the city) whose records name the party without it being their subject. */
    List<WarningView> counterpartyWarnings(String ref, String district) {
        List<String> ids = jdbc.sql("SELECT w.id FROM warning w WHERE w.record_id IN (SELECT k.record_id FROM record_key k"
                        + " WHERE k.key_name = 'PARTY' AND k.key_value = :ref)"
                        + " AND w.id NOT IN (SELECT s.warning_id FROM warning_subject s WHERE s.subject_ref = :ref)"
                        + " AND w.status <> 'MUTED' AND (:district IS NULL OR w.org_code IN (SELECT o.code FROM org o WHERE o.district = :district))"
                        + " ORDER BY w.occurred_at DESC, w.id DESC LIMIT :limit")
                .param("ref", ref).param("district", district).param("limit", MAX_COUNTERPARTY).query(String.class).list();
        return ids.stream().map(id -> warnings.find(id, district)).flatMap(java.util.Optional::stream).toList();
    }

    List<Event> of(String ref, List<WarningView> named, List<WarningView> counterparty) {
        List<Event> events = new ArrayList<>();
        for (Sanction s : reference.sanctions(List.of(ref))) {
            String period = s.start() + " – " + (s.end() == null ? "…" : s.end().toString());
            events.add(new Event(s.start(), "SANCTION", text.text("timeline.SANCTION"),
                    text.text("timeline.sanction", text.text("sanctionKind." + s.kind()), text.text("form." + s.form()), period),
                    null, s.form()));
        }
        for (WarningView w : named) {
            events.add(warningEvent("SUBJECT", w));
            outcomes(w, events);
        }
        for (WarningView w : counterparty) {
            events.add(warningEvent("COUNTERPARTY", w));
            outcomes(w, events);
        }
        events.sort(Comparator.comparing(Event::day, Comparator.nullsLast(Comparator.reverseOrder())));
        return events;
    }

    private Event warningEvent(String kind, WarningView w) {
        return new Event(day(w.occurredAt()), kind, text.text("timeline." + kind),
                text.text("timeline.warning", title(w), text.text("form." + w.form()), text.text("status." + w.status())), w.id(), w.form());
    }

    private void outcomes(WarningView w, List<Event> events) {
        WarningView.Disposal d = w.disposal();
        if (d != null) {
            if (d.unitOrg() != null) {
                add(events, d.dispatchedAt(), w, text.text("timeline.dispatched", title(w),
                        reference.org(d.unitOrg()).map(o -> o.name()).orElse(d.unitOrg())));
            }
            add(events, d.rectifiedAt(), w, text.text("timeline.rectified", title(w)));
            add(events, d.handedOverAt(), w, text.text("timeline.handedOver", title(w), Objects.requireNonNullElse(d.referralNo(), "")));
            if (d.concludedAt() != null) {
                add(events, d.concludedAt(), w, text.text("timeline.concluded", title(w),
                        d.outcomeForm() == null ? "-" : text.text("form." + d.outcomeForm())));
            }
        }
        if ("DISMISSED".equals(w.status()) || "CLOSED".equals(w.status()) && w.dismissReason() != null) {
            add(events, w.updatedAt(), w, text.text("timeline.dismissed", title(w),
                    w.dismissReason() == null ? "-" : text.text("dismiss." + w.dismissReason())));
        }
    }

    private void add(List<Event> events, OffsetDateTime at, WarningView w, String description) {
        if (at != null) {
            events.add(new Event(day(at), "OUTCOME", text.text("timeline.OUTCOME"), description, w.id(),
                    w.decidedForm() == null ? w.form() : w.decidedForm()));
        }
    }

    private LocalDate day(OffsetDateTime at) {
        return at == null ? null : format.local(at).toLocalDate();
    }

    private static String title(WarningView w) {
        return ConsoleText.english() && w.titleEn() != null ? w.titleEn() : w.title();
    }
}
