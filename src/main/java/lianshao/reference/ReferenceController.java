package lianshao.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.contract.ReferenceKind;
import lianshao.security.Binding;
import lianshao.security.CurrentUsers;
import lianshao.support.Json;
import lianshao.web.Forbidden;
import lianshao.web.JsonBodies;
import lianshao.web.ValidationFailed;

/**
 * Contract section 3: reference data, one item at a time or in batches answered per item. Every write lies
 * within the caller's binding ({@link OrgBoundary}): outside it a single write is answered 403 naming the
 * organisation, a batch item is rejected.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data 参考数据", description = "机构、当事人、关系、招生计划、处分、工作日历")
class ReferenceController {

    /** Organisation codes and party ids: as long as the references to them may be (contract: codes). */
    private static final int MAX_ID_LENGTH = 64;
    private static final Pattern CODE = Pattern.compile("[^\\p{Cntrl}]{1," + MAX_ID_LENGTH + "}");
    private static final Pattern PARTY_ID = CODE;
    private static final List<String> STAGES = List.of("PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL", "HIGHER");

    private final ReferenceWriter writer;
    private final ContractValidator validator;
    private final JsonBodies bodies;
    private final CurrentUsers users;
    private final OrgBoundary boundary;

    ReferenceController(ReferenceWriter writer, ContractValidator validator, JsonBodies bodies, CurrentUsers users,
            OrgBoundary boundary) {
        this.writer = writer;
        this.validator = validator;
        this.bodies = bodies;
        this.users = users;
        this.boundary = boundary;
    }

    @PutMapping("/orgs/{orgCode}")
    @Operation(summary = "登记或更新机构 / Create or update an organisation")
    ResponseEntity<Map<String, Object>> putOrg(@PathVariable String orgCode, HttpServletRequest request, Authentication auth) {
        return single(org(orgCode, bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/orgs/batch")
    @Operation(summary = "批量登记机构 / Organisations in a batch (items carry orgCode)")
    Map<String, Object> orgs(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> org(idField(item, "orgCode"), Json.without(item, "orgCode"), binding));
    }

    @PutMapping("/parties/{partyId}")
    @Operation(summary = "登记或更新当事人 / Create or update a party")
    ResponseEntity<Map<String, Object>> putParty(@PathVariable String partyId, HttpServletRequest request, Authentication auth) {
        return single(party(partyId, bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/parties/batch")
    @Operation(summary = "批量登记当事人 / Parties in a batch (items carry partyId)")
    Map<String, Object> parties(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> party(idField(item, "partyId"), Json.without(item, "partyId"), binding));
    }

    @PostMapping("/relations")
    @Operation(summary = "声明关系（亲属关系双向有效）/ Declare a relation (kinship reads both ways)")
    ResponseEntity<Map<String, Object>> postRelation(HttpServletRequest request, Authentication auth) {
        return single(relation(bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/relations/batch")
    @Operation(summary = "批量声明关系 / Relations in a batch")
    Map<String, Object> relations(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> relation(item, binding));
    }

    @PutMapping("/admission-plans/{orgCode}/{year}/{stage}")
    @Operation(summary = "设置招生计划 / Set an admission quota")
    ResponseEntity<Map<String, Object>> putPlan(@PathVariable String orgCode, @PathVariable String year,
            @PathVariable String stage, HttpServletRequest request, Authentication auth) {
        return single(plan(orgCode, year, stage, bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/admission-plans/batch")
    @Operation(summary = "批量设置招生计划 / Admission quotas in a batch (items carry orgCode, year, stage)")
    Map<String, Object> plans(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> plan(idField(item, "orgCode"), idField(item, "year"),
                idField(item, "stage"), Json.without(item, "orgCode", "year", "stage"), binding));
    }

    @PostMapping("/sanctions")
    @Operation(summary = "登记已作出的处分 / Record a sanction already imposed")
    ResponseEntity<Map<String, Object>> postSanction(HttpServletRequest request, Authentication auth) {
        return single(sanction(bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/sanctions/batch")
    @Operation(summary = "批量登记处分 / Sanctions in a batch")
    Map<String, Object> sanctions(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> sanction(item, binding));
    }

    @PutMapping("/calendar/{year}")
    @Operation(summary = "设置某年节假日与调休工作日 / Set a year's holidays and make-up working days")
    ResponseEntity<Map<String, Object>> putCalendar(@PathVariable String year, HttpServletRequest request, Authentication auth) {
        return single(calendar(year, bodies.read(request), users.binding(auth)));
    }

    @PostMapping("/calendar/batch")
    @Operation(summary = "批量设置工作日历 / Calendars in a batch (items carry year)")
    Map<String, Object> calendars(HttpServletRequest request, Authentication auth) {
        Binding binding = users.binding(auth);
        return batch(bodies.read(request), item -> calendar(idField(item, "year"), Json.without(item, "year"), binding));
    }

    private Map<String, Object> org(String code, JsonNode body, Binding binding) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "orgCode", code, CODE);
        errors.addAll(validator.validateReference(ReferenceKind.ORG, body));
        fail(errors);
        refuse("orgCode", boundary.orgChangeRefusal(binding, code, body.get("district").asString()));
        return result("orgCode", code, writer.putOrg(code, body));
    }

    private Map<String, Object> party(String id, JsonNode body, Binding binding) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "partyId", id, PARTY_ID);
        errors.addAll(validator.validateReference(ReferenceKind.PARTY, body));
        fail(errors);
        // where the party belongs now and where it would belong: a bound caller changes neither into nor out of its binding
        JsonNode org = body.get("orgCode");
        refuse("orgCode", boundary.refusal(binding, org == null || org.isNull() ? null : org.asString()));
        refuse("partyId", boundary.refusal(binding, boundary.partyOrg(id)));
        // a party of no organisation (a supplier, an outside person) is named by records of every school: a bound
        // caller may register a new one but not rewrite an existing one (its bank account, its controller)
        return result("partyId", id, writer.putParty(id, body, binding.wholeCity()));
    }

    private Map<String, Object> relation(JsonNode body, Binding binding) {
        fail(validator.validateReference(ReferenceKind.RELATION, body));
        refuse("fromRef", boundary.refsRefusal(binding, List.of(body.get("fromRef").asString())));
        refuse("toRef", boundary.refsRefusal(binding, List.of(body.get("toRef").asString())));
        refuse("fromRef", boundary.sharedOnlyRefusal(binding, List.of(body.get("fromRef").asString(), body.get("toRef").asString())));
        ReferenceWriter.Written written = writer.addRelation(body);
        return result("id", written.id(), written.outcome());
    }

    private Map<String, Object> plan(String orgCode, String year, String stage, JsonNode body, Binding binding) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "orgCode", orgCode, CODE);
        int y = year(errors, year);
        if (stage == null || !STAGES.contains(stage)) {
            errors.add(new FieldError("stage", "取值必须是以下之一 / must be one of: " + String.join(", ", STAGES)));
        }
        errors.addAll(validator.validateReference(ReferenceKind.ADMISSION_PLAN, body));
        fail(errors);
        refuse("orgCode", boundary.refusal(binding, orgCode));
        Map<String, Object> result = result("orgCode", orgCode, writer.putAdmissionPlan(orgCode, y, stage, body));
        result.put("year", y);
        result.put("stage", stage);
        return result;
    }

    private Map<String, Object> sanction(JsonNode body, Binding binding) {
        fail(validator.validateReference(ReferenceKind.SANCTION, body));
        refuse("subjectRef", boundary.refsRefusal(binding, List.of(body.get("subjectRef").asString())));
        refuse("subjectRef", boundary.sharedOnlyRefusal(binding, List.of(body.get("subjectRef").asString())));
        ReferenceWriter.Written written = writer.addSanction(body);
        return result("id", written.id(), written.outcome());
    }

    private Map<String, Object> calendar(String year, JsonNode body, Binding binding) {
        if (!binding.wholeCity()) {
            throw new OutsideBinding("year", "工作日历是全市数据，只有可写全市的调用方能修改 / the work calendar is city-wide: only callers "
                    + "bound to the whole city write it");
        }
        List<FieldError> errors = new ArrayList<>();
        int y = year(errors, year);
        errors.addAll(validator.validateReference(ReferenceKind.CALENDAR, body));
        if (errors.isEmpty()) {
            for (String field : List.of("holidays", "workdays")) {
                JsonNode days = body.get(field);
                for (int i = 0; days != null && days.isArray() && i < days.size(); i++) {
                    if (!days.get(i).asString().startsWith(y + "-")) {
                        errors.add(new FieldError(field + "[" + i + "]", "日期不在 " + y + " 年内 / date is not in " + y));
                    }
                }
            }
        }
        fail(errors);
        Map<String, Object> result = result("year", String.valueOf(y), writer.putCalendar(y, body));
        result.put("year", y);
        return result;
    }

    /** Runs each item on its own: one bad item never blocks the others. */
    private Map<String, Object> batch(JsonNode body, Function<JsonNode, Map<String, Object>> one) {
        fail(validator.validateBatchShape(body, "items"));
        List<Map<String, Object>> results = new ArrayList<>();
        int accepted = 0;
        JsonNode items = body.get("items");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            try {
                result.putAll(one.apply(items.get(i)));
                accepted++;
            } catch (ValidationFailed e) {
                result.put("status", "REJECTED");
                result.put("errors", e.errors());
            } catch (OutsideBinding e) {
                result.put("status", "REJECTED");
                result.put("errors", List.of(new FieldError(e.field(), e.getMessage())));
            }
            results.add(result);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("accepted", accepted);
        reply.put("rejected", items.size() - accepted);
        reply.put("results", results);
        return reply;
    }

    private static ResponseEntity<Map<String, Object>> single(Map<String, Object> result) {
        HttpStatus status = WriteOutcome.CREATED.name().equals(result.get("status")) ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }

    private static Map<String, Object> result(String idName, String id, WriteOutcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(idName, id);
        result.put("status", outcome.name());
        return result;
    }

    private static String idField(JsonNode item, String field) {
        JsonNode node = item == null ? null : item.get(field);
        return node == null || node.isNull() ? null : node.isString() || node.isNumber() ? node.asString() : null;
    }

    private static void checkId(List<FieldError> errors, String field, String value, Pattern pattern) {
        if (value == null || value.isBlank() || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "必填，不能为空白，最多 " + MAX_ID_LENGTH + " 个字符，不含控制字符 / required, non-blank, at most "
                    + MAX_ID_LENGTH + " characters, no control characters"));
        }
    }

    private static int year(List<FieldError> errors, String year) {
        try {
            int y = Integer.parseInt(year == null ? "" : year);
            if (y >= 1900 && y <= 2200) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("year", "年份无效 / invalid year"));
        return 0;
    }

    /** Outside the caller's binding: 403 naming the organisation, or a rejected item of a batch. */
    private static void refuse(String field, java.util.Optional<String> refusal) {
        if (refusal.isPresent()) {
            throw new OutsideBinding(field, refusal.get());
        }
    }

    static final class OutsideBinding extends Forbidden {
        private final String field;

        OutsideBinding(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }
}
