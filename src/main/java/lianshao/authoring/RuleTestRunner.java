package lianshao.authoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.evaluation.Context;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.Hit;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;
import lianshao.records.EvaluationSettings;
import lianshao.records.InMemoryContexts;
import lianshao.rules.RuleSet;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * Runs rule test cases against a rule set, in process: the record is validated against the contract first, the
 * case's context is held as if it had been stored and the record gets of it what production context loading
 * selects ({@link InMemoryContexts}, the selection of the loader itself), and the hit of the rule under test is
 * compared with the expectation. A fact that production would not load for the record is not in the session, so
 * a rule cannot pass its test on a fact it would never see.
 */
@Component
public class RuleTestRunner {

    private final Evaluator evaluator;
    private final FactMapper mapper;
    private final ContractValidator validator;
    private final EvaluationSettings settings;

    @Autowired
    public RuleTestRunner(Evaluator evaluator, FactMapper mapper, ContractValidator validator, EvaluationSettings settings) {
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.validator = validator;
        this.settings = settings;
    }

    /** A runner loading contexts with the default bounds of context loading. */
    public RuleTestRunner(Evaluator evaluator, FactMapper mapper, ContractValidator validator) {
        this(evaluator, mapper, validator, EvaluationSettings.defaults());
    }

    public CaseResult run(RuleSet ruleSet, RuleTestCase c) {
        List<String> failures = new ArrayList<>();
        if (ruleSet.rule(c.ruleId()).isEmpty()) {
            return new CaseResult(c, false, List.of("rule " + c.ruleId() + " is not in the rule set"), List.of());
        }
        List<FieldError> invalid = validator.validateEnvelope(c.record());
        if (!invalid.isEmpty()) {
            return new CaseResult(c, false, List.of("record is not valid under the contract: " + invalid), List.of());
        }
        Optional<String> invalidContext = invalidContextRecord(c.context());
        if (invalidContext.isPresent()) {
            return new CaseResult(c, false, List.of(invalidContext.get()), List.of());
        }
        Prepared prepared = prepare(c);
        List<Hit> hits = evaluator.evaluate(ruleSet, prepared.record(), prepared.context()).hits();
        Optional<Hit> hit = hits.stream().filter(h -> h.ruleId().equals(c.ruleId())).findFirst();
        check(c, ruleSet, hit, failures);
        return new CaseResult(c, failures.isEmpty(), failures, hits);
    }

    /**
     * Evaluates one ad-hoc record envelope with a context in the test-file format (orgs, parties, relations,
     * sanctions, priorHits, admissionPlans, calendar, records), loaded as production loads it; every hit it raises.
     *
     * @throws IllegalArgumentException when the record or a context record breaks the contract
     */
    public List<Hit> evaluate(RuleSet ruleSet, JsonNode record, JsonNode context) {
        JsonNode ctx = context == null || context.isNull() ? Json.parse("{}") : context;
        List<FieldError> invalid = validator.validateEnvelope(record);
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("record is not valid under the contract: " + invalid);
        }
        invalidContextRecord(ctx).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Prepared prepared = prepare(record, ctx);
        return evaluator.evaluate(ruleSet, prepared.record(), prepared.context()).hits();
    }

    /**
     * A case's record and context as the facts an evaluation gets (benchmarks replay these).
     *
     * @param context what production loads for the record: what the rules see
     * @param written every fact the case's context writes, as written
     */
    public record Prepared(RecordFact record, Context context, Context written) {
    }

    /** The facts of a case without validating or checking it. */
    public Prepared prepare(RuleTestCase c) {
        return prepare(c.record(), c.context());
    }

    private Prepared prepare(JsonNode envelope, JsonNode ctx) {
        List<JsonNode> envelopes = new ArrayList<>();
        List<RecordFact> earlier = new ArrayList<>();
        int i = 0;
        for (JsonNode e : ctx.path("records")) {
            envelopes.add(e);
            earlier.add(fact(e, "context-" + i++, false));
        }
        RecordFact record = fact(envelope, "record-under-test", true);
        Context written = context(ctx, earlier, Times.toUtc(record.occurredAt()).toLocalDate());
        return new Prepared(record, InMemoryContexts.load(settings, record, envelope, written, envelopes), written);
    }

    /** Why a record of the context breaks the contract, if one does. */
    private Optional<String> invalidContextRecord(JsonNode ctx) {
        int i = 0;
        for (JsonNode envelope : ctx.path("records")) {
            List<FieldError> errors = validator.validateEnvelope(envelope);
            if (!errors.isEmpty()) {
                return Optional.of("context record #" + i + " is not valid: " + errors);
            }
            i++;
        }
        return Optional.empty();
    }

    private void check(RuleTestCase c, RuleSet ruleSet, Optional<Hit> hit, List<String> failures) {
        JsonNode expect = c.expect();
        boolean fires = expect.path("fires").asBoolean(false);
        if (fires != hit.isPresent()) {
            failures.add(fires ? c.ruleId() + " did not fire" : c.ruleId() + " fired: " + hit.get().message());
            return;
        }
        if (hit.isEmpty()) {
            return;
        }
        Hit h = hit.get();
        if (expect.has("form")) {
            int form = Math.max(ruleSet.rule(c.ruleId()).get().form(), h.escalatedForm());
            if (form != expect.get("form").asInt()) {
                failures.add("form " + form + ", expected " + expect.get("form").asInt());
            }
        }
        if (expect.has("subjects")) {
            Set<String> wanted = new HashSet<>();
            expect.get("subjects").forEach(s -> wanted.add(s.asString()));
            if (!wanted.equals(new HashSet<>(h.subjects()))) {
                failures.add("subjects " + h.subjects() + ", expected " + wanted);
            }
        }
        if (expect.has("suspectedCrime") && expect.get("suspectedCrime").asBoolean() == h.crimeIndicators().isEmpty()) {
            failures.add("suspected crime " + !h.crimeIndicators().isEmpty() + ", expected " + expect.get("suspectedCrime").asBoolean());
        }
        if (expect.has("messageContains") && !h.message().contains(expect.get("messageContains").asString())) {
            failures.add("message \"" + h.message() + "\" lacks \"" + expect.get("messageContains").asString() + "\"");
        }
        for (Map.Entry<String, JsonNode> e : expect.path("evidence").properties()) {
            JsonNode actual = Json.parse(Json.write(h.evidence().get(e.getKey())));
            if (!same(actual, e.getValue())) {
                failures.add("evidence " + e.getKey() + " = " + actual + ", expected " + e.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> e : expect.path("benefit").properties()) {
            BigDecimal actual = h.benefits().get(e.getKey());
            if (actual == null || actual.compareTo(e.getValue().decimalValue()) != 0) {
                failures.add("benefit of " + e.getKey() + " = " + actual + ", expected " + e.getValue());
            }
        }
    }

    /** Numbers compare by value (100 equals 100.00); lists regardless of order (the engine's order is not the file's). */
    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (actual.isArray() && expected.isArray()) {
            List<String> a = new ArrayList<>();
            List<String> e = new ArrayList<>();
            actual.forEach(n -> a.add(Json.canonical(n)));
            expected.forEach(n -> e.add(Json.canonical(n)));
            a.sort(null);
            e.sort(null);
            return a.equals(e);
        }
        return Json.canonical(actual).equals(Json.canonical(expected));
    }

    private RecordFact fact(JsonNode envelope, String id, boolean current) {
        RecordMeta meta = new RecordMeta(id, envelope.get("externalId").asString(), envelope.get("source").asString(),
                envelope.get("domain").asString(), envelope.get("orgCode").asString(),
                OffsetDateTime.parse(envelope.get("occurredAt").asString()));
        return mapper.toFact(meta, envelope.get("payload"), current);
    }

    /** Every fact the context writes; an earlier warning without a date is dated on the record's day. */
    private static Context context(JsonNode ctx, List<RecordFact> earlier, LocalDate recordDay) {
        List<Org> orgs = new ArrayList<>();
        for (JsonNode o : ctx.path("orgs")) {
            orgs.add(new Org(o.path("orgCode").asString(), o.path("name").asString(), o.path("type").asString(),
                    o.path("district").asString(null), o.path("parentCode").asString(null)));
        }
        List<Party> parties = new ArrayList<>();
        for (JsonNode p : ctx.path("parties")) {
            Set<String> roles = new LinkedHashSet<>();
            p.path("roles").forEach(r -> roles.add(r.asString()));
            parties.add(new Party(p.path("partyId").asString(), p.path("kind").asString("PERSON"), p.path("name").asString(""),
                    p.path("orgCode").asString(null), p.path("position").asString(null), Set.copyOf(roles),
                    p.path("phone").asString(null), p.path("address").asString(null), p.path("bankAccount").asString(null),
                    p.path("creditCode").asString(null), date(p.path("registeredOn"))));
        }
        List<Relation> relations = new ArrayList<>();
        for (JsonNode r : ctx.path("relations")) {
            relations.add(new Relation(r.path("fromRef").asString(), r.path("toRef").asString(), r.path("kind").asString(),
                    date(r.path("validFrom")), date(r.path("validTo"))));
        }
        List<Sanction> sanctions = new ArrayList<>();
        for (JsonNode s : ctx.path("sanctions")) {
            sanctions.add(new Sanction(s.path("subjectRef").asString(), s.path("kind").asString(), s.path("form").asInt(),
                    date(s.path("start")), date(s.path("end"))));
        }
        List<AdmissionPlan> plans = new ArrayList<>();
        for (JsonNode a : ctx.path("admissionPlans")) {
            plans.add(new AdmissionPlan(a.path("orgCode").asString(), a.path("year").asInt(), a.path("stage").asString(),
                    a.path("quota").asInt()));
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        ctx.path("calendar").path("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asString())));
        ctx.path("calendar").path("workdays").forEach(d -> workdays.add(LocalDate.parse(d.asString())));
        List<PriorHit> priorHits = new ArrayList<>();
        for (JsonNode h : ctx.path("priorHits")) {
            priorHits.add(new PriorHit(h.path("subjectRef").asString(), h.path("ruleId").asString(), h.path("recordId").asString("earlier"),
                    Optional.ofNullable(date(h.path("occurredOn"))).orElse(recordDay), h.path("form").asInt(1)));
        }
        return new Context(earlier, parties, orgs, relations, sanctions, priorHits, plans, new WorkCalendar(holidays, workdays));
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : LocalDate.parse(node.asString());
    }
}
