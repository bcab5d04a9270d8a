package lianshao.dossier;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractSchemas;
import lianshao.contract.Domain;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.security.Users;
import lianshao.support.DisplayFormat;
import lianshao.support.Json;
import lianshao.warnings.AccessLog;
import lianshao.warnings.FactWords;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;
import lianshao.web.NotFound;

/**
 * A warning's dossier for a reader: the warning as the reader may see it (outside their data scope it does
 * not exist: 404), its access logged as {@code DOSSIER} like any opening of the warning, then rendered.
 */
@Service
public class Dossiers {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Warnings warnings;
    private final AccessLog accessLog;
    private final ReferenceQueries reference;
    private final Users users;
    private final JdbcClient jdbc;
    private final DossierRenderer renderer;
    private final DossierFont font;
    private final ZoneId zone;
    private final FactWords factWords;

    Dossiers(Warnings warnings, AccessLog accessLog, ReferenceQueries reference, Users users, JdbcClient jdbc,
            DossierRenderer renderer, DossierFont font, DisplayFormat format, FactWords factWords) {
        this.factWords = factWords;
        this.warnings = warnings;
        this.accessLog = accessLog;
        this.reference = reference;
        this.users = users;
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.font = font;
        this.zone = format.zone();
    }

    /** The PDF of the warning; {@code channel} is API or CONSOLE, as in the access log. */
    public byte[] pdf(String warningId, CurrentUser reader, String channel) {
        WarningView w = warnings.find(warningId, reader.district())
                .orElseThrow(() -> new NotFound("预警不存在：" + warningId + " / no warning " + warningId));
        var fontFile = font.file(); // refused before anything is logged as read
        accessLog.opened(reader.username(), "DOSSIER", warningId, channel);
        return renderer.pdf(model(w, reader), fontFile);
    }

    private Map<String, Object> model(WarningView w, CurrentUser reader) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("w", w);
        Org org = reference.org(w.orgCode()).orElse(null);
        model.put("orgName", org == null ? w.orgCode() : org.name());
        model.put("district", org == null ? "" : org.district());
        model.put("measures", w.clause() == null || w.clause().isBlank() ? List.of()
                : Arrays.stream(w.clause().split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList());
        Locale locale = LocaleContextHolder.getLocale();
        model.put("facts", factWords.facts(w, locale));
        model.put("steps", factWords.steps(w, locale));
        model.put("raisedAt", time(w.raisedAt()));
        model.put("occurredAt", time(w.occurredAt()));
        model.put("dueAt", time(w.dueAt()));
        model.put("generatedAt", time(OffsetDateTime.now(ZoneOffset.UTC)));
        model.put("reader", reader.displayName() == null ? reader.username() : reader.displayName());

        Map<String, String> actors = new LinkedHashMap<>();
        users.all().forEach(a -> actors.put(a.username(), a.displayName()));
        model.put("assignee", w.assignee() == null ? null : actors.getOrDefault(w.assignee(), w.assignee()));
        model.put("proposer", w.proposal() == null ? null : actors.getOrDefault(w.proposal().by(), w.proposal().by()));
        model.put("approver", w.approvedBy() == null ? null : actors.getOrDefault(w.approvedBy(), w.approvedBy()));
        List<Map<String, Object>> history = new ArrayList<>();
        for (WarningView.Action a : warnings.history(w.id())) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", time(a.at()));
            h.put("actor", Warnings.SYSTEM.equals(a.actor()) ? null : actors.getOrDefault(a.actor(), a.actor()));
            h.put("action", a.action());
            h.put("from", a.fromStatus());
            h.put("to", a.toStatus());
            h.put("comment", a.comment());
            history.add(h);
        }
        model.put("history", history);

        JsonNode envelope = latestEnvelope(w.recordId(), w.recordRevision());
        JsonNode payload = envelope == null ? null : envelope.get("payload");
        Map<String, String> names = partyNames(w.subjectRefs(), payload);
        model.put("subjects", w.subjectRefs().stream().map(ref -> names.containsKey(ref) ? names.get(ref) + "（" + ref + "）" : ref).toList());
        model.put("recordExternalId", envelope == null || envelope.get("externalId") == null ? null : envelope.get("externalId").asString());
        model.put("recordSource", envelope == null || envelope.get("source") == null ? null : envelope.get("source").asString());
        List<RecordFields.Row> fields = List.of();
        var domain = Domain.parse(w.domain());
        if (payload != null && domain.isPresent()) {
            fields = new RecordFields(names, zone).rows(ContractSchemas.payload(domain.get()), payload);
        }
        model.put("recordFields", fields);
        return model;
    }

    /** The PDF as a download named after the warning. */
    public static ResponseEntity<byte[]> download(byte[] pdf, String warningId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"warning-" + warningId + ".pdf\"").body(pdf);
    }

    private JsonNode latestEnvelope(String recordId, int revision) {
        return jdbc.sql("SELECT envelope FROM record_revision WHERE record_id = ? AND revision = ?").params(recordId, revision)
                .query(String.class).optional().map(Json::parse).orElse(null);
    }

    /** Registered names of the subjects and of every party the payload names (any string value may be a reference). */
    private Map<String, String> partyNames(List<String> subjects, JsonNode payload) {
        Set<String> refs = new LinkedHashSet<>(subjects);
        collectStrings(payload, refs);
        Map<String, String> names = new LinkedHashMap<>();
        for (Party p : reference.parties(refs.stream().filter(s -> s.length() <= 128).limit(500).toList())) {
            names.put(p.id(), p.name());
        }
        return names;
    }

    private static void collectStrings(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            into.add(node.asString());
        } else if (node.isArray() || node.isObject()) {
            node.forEach(child -> collectStrings(child, into));
        }
    }

    private String time(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(MINUTES);
    }

}
