package lianshao.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSource;
import lianshao.support.Json;
import lianshao.web.ValidationFailed;

/**
 * Thresholds changed through a form, and what that does to the draft's rule tests: the cases whose
 * outcome no longer matches their expectation, side by side (expected, now), and the author accepting the
 * new outcomes as the expectations. Every change goes into the draft through {@link RuleSetLifecycle#saveFile}
 * (only the draft's author, only while it is a draft, audited), so the draft still needs a second person
 * to approve it.
 */
@Service
public class DraftExpectations {

    private final RuleSetLifecycle lifecycle;
    private final RuleSetRepository repository;
    private final RuleSetAudit audit;

    DraftExpectations(RuleSetLifecycle lifecycle, RuleSetRepository repository, RuleSetAudit audit) {
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.audit = audit;
    }

    /** What a case expects or now gets from its rule: whether it fires and at which form. */
    public record Outcome(boolean fires, Integer form) {
    }

    /** A case whose rule no longer does what the case expects. */
    public record ChangedCase(String file, String rule, String name, Outcome expected, Outcome now, List<String> failures) {
        public String key() {
            return file + "::" + name;
        }
    }

    /** The draft's tests after a change: passed, or the cases that changed (and problems that kept them from running). */
    public record Result(int version, boolean passed, List<String> problems, List<ChangedCase> changedCases) {
    }

    public List<ThresholdFields.Field> thresholds(int version) {
        lifecycle.version(version);
        return ThresholdFields.of(repository.files(version).getOrDefault(RuleSource.THRESHOLDS_FILE, ""));
    }

    /** Sets thresholds of a draft (only changed values are written), then runs its tests. */
    public Result changeThresholds(int version, Map<String, String> values, String actor) {
        lifecycle.version(version);
        if (values.isEmpty()) {
            throw ValidationFailed.of("values", "应至少给出一个阈值 / at least one threshold is required");
        }
        String before = repository.files(version).getOrDefault(RuleSource.THRESHOLDS_FILE, "");
        Map<String, String> current = new LinkedHashMap<>();
        ThresholdFields.of(before).forEach(f -> current.put(f.key(), f.value()));
        String after = ThresholdFields.apply(before, values);
        Map<String, Object> changed = new LinkedHashMap<>();
        ThresholdFields.of(after).forEach(f -> {
            if (!f.value().equals(current.get(f.key()))) {
                changed.put(f.key(), Map.of("from", current.get(f.key()), "to", f.value()));
            }
        });
        if (!changed.isEmpty()) {
            lifecycle.saveFile(version, RuleSource.THRESHOLDS_FILE, after, actor);
            audit.record(version, "THRESHOLDS", actor, changed);
        }
        return changes(version, actor);
    }

    /** Runs the draft's tests and lists the cases whose outcome differs from their expectation. */
    public Result changes(int version, String actor) {
        TestReport report = lifecycle.test(version, null, actor);
        Map<String, String> files = repository.files(version);
        List<ChangedCase> changed = new ArrayList<>();
        for (TestReport.CaseReport c : report.cases()) {
            if (!c.passed()) {
                changed.add(new ChangedCase(c.file(), c.rule(), c.name(), expected(files.get(c.file()), c.name()), now(c), c.failures()));
            }
        }
        List<String> problems = report.errors().stream().map(Object::toString).toList();
        return new Result(version, report.passed(), problems, changed);
    }

    /**
     * Makes the current outcome of the given cases ({@code file::name}) their expectation, rewriting their
     * test files in the draft; then runs the tests again.
     */
    public Result accept(int version, Set<String> caseKeys, String actor) {
        if (caseKeys.isEmpty()) {
            throw ValidationFailed.of("cases", "应至少选择一个用例 / choose at least one case");
        }
        TestReport report = lifecycle.test(version, null, actor);
        Map<String, String> files = repository.files(version);
        Map<String, ObjectNode> rewritten = new LinkedHashMap<>();
        Set<String> accepted = new LinkedHashSet<>();
        for (TestReport.CaseReport c : report.cases()) {
            String key = c.file() + "::" + c.name();
            if (c.passed() || !caseKeys.contains(key)) {
                continue;
            }
            ObjectNode root = rewritten.computeIfAbsent(c.file(), f -> (ObjectNode) Json.parse(files.get(f)));
            ObjectNode testCase = find(root, c.name());
            if (testCase != null) {
                testCase.set("expect", newExpectation(testCase.path("expect"), fired(c)));
                accepted.add(key);
            }
        }
        Set<String> unknown = new LinkedHashSet<>(caseKeys);
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            throw ValidationFailed.of("cases", "以下用例不存在或未改变：" + unknown + " / no such changed case: " + unknown);
        }
        rewritten.forEach((file, root) -> lifecycle.saveFile(version, file, Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root) + "\n", actor));
        audit.record(version, "ACCEPT_EXPECTATIONS", actor, Map.of("cases", List.copyOf(accepted)));
        return changes(version, actor);
    }

    private static ObjectNode find(ObjectNode root, String name) {
        int i = 0;
        for (JsonNode c : root.path("cases")) {
            if (c instanceof ObjectNode o && c.path("name").asString("case " + i).equals(name)) {
                return o;
            }
            i++;
        }
        return null;
    }

    private static FiredRule fired(TestReport.CaseReport c) {
        return c.fired().stream().filter(f -> f.rule().equals(c.rule())).findFirst().orElse(null);
    }

    private static Outcome now(TestReport.CaseReport c) {
        FiredRule f = fired(c);
        return f == null ? new Outcome(false, null) : new Outcome(true, Math.max(f.baseForm(), f.escalatedForm()));
    }

    private static Outcome expected(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            ObjectNode c = find((ObjectNode) Json.parse(text), name);
            JsonNode expect = c == null ? null : c.path("expect");
            return expect == null ? null : new Outcome(expect.path("fires").asBoolean(false),
                    expect.has("form") ? expect.get("form").asInt() : null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The old expectation brought to what the rule does now: the same keys, their current values. */
    static ObjectNode newExpectation(JsonNode old, FiredRule fired) {
        ObjectNode expect = JsonNodeFactory.instance.objectNode();
        if (fired == null) {
            expect.put("fires", false);
            return expect;
        }
        boolean firedBefore = old.path("fires").asBoolean(false);
        expect.put("fires", true);
        if (old.has("form") || !firedBefore) {
            expect.put("form", Math.max(fired.baseForm(), fired.escalatedForm()));
        }
        if (!firedBefore) {
            return expect;
        }
        if (old.has("subjects")) {
            ArrayNode subjects = expect.putArray("subjects");
            fired.subjects().forEach(subjects::add);
        }
        if (old.has("suspectedCrime")) {
            expect.put("suspectedCrime", !fired.crimeIndicators().isEmpty());
        }
        if (old.has("messageContains") && fired.message() != null && fired.message().contains(old.get("messageContains").asString())) {
            expect.set("messageContains", old.get("messageContains"));
        }
        if (old.has("evidence")) {
            ObjectNode evidence = expect.putObject("evidence");
            for (Map.Entry<String, JsonNode> e : old.get("evidence").properties()) {
                evidence.set(e.getKey(), Json.parse(Json.write(fired.evidence().get(e.getKey()))));
            }
        }
        if (old.has("benefit")) {
            ObjectNode benefit = expect.putObject("benefit");
            for (Map.Entry<String, JsonNode> e : old.get("benefit").properties()) {
                BigDecimal value = fired.benefits().get(e.getKey());
                if (value != null) {
                    benefit.put(e.getKey(), value);
                }
            }
        }
        return expect;
    }
}
