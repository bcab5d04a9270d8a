package lianshao.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * Valid envelopes of the five domains and mutations of them: a field deleted, replaced by a value of
 * another type, a huge or strange string, deep nesting, raw number tokens that are not numbers or are
 * absurdly large, an unknown field added. A mutated envelope is written as JSON text, since some
 * mutations (NaN, 1e999999999) exist only as text.
 */
final class Mutations {

    static final String RAW = "@@raw-token@@";

    private Mutations() {
    }

    enum Kind { DELETE, REPLACE, ADD_FIELD }

    enum Value {
        NULL, TRUE, INTEGER, NEGATIVE, MANY_DECIMALS, HUGE_STRING, LONG_STRING, UNICODE, CONTROL, EMPTY_STRING, DEEP_ARRAY,
        EMPTY_OBJECT, EMPTY_ARRAY, RAW_NAN, RAW_INFINITY, RAW_HUGE_EXPONENT, RAW_TINY_EXPONENT, RAW_LONG_NUMBER,
        RAW_MINUS_ZERO, BAD_DATE, BAD_TIME, NUMBER_AS_STRING
    }

    record Mutation(Kind kind, int where, Value value, int size, String text) {
    }

    record Case(int base, List<Mutation> mutations) {
        @Override
        public String toString() {
            return "base " + base + " " + mutations.stream().map(m -> m.kind() + "@" + m.where() + ":" + m.value() + "/" + m.size()).toList();
        }
    }

    static Arbitrary<Case> cases(int maxMutations) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(Value.class), Arbitraries.integers().between(1, 400_000),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)).as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, 4), mutation.list().ofMinSize(0).ofMaxSize(maxMutations))
                .as(Case::new);
    }

    static ObjectNode base(int which) {
        String org = TestRecords.unique("SCH-FZ");
        return switch (which) {
            case 0 -> TestRecords.smallPurchase(org);
            case 1 -> TestRecords.cleanTender(org);
            case 2 -> TestRecords.exceptionAdmission(org, TestRecords.unique("GUA"), TestRecords.unique("APP"));
            case 3 -> TestRecords.recruitment(org);
            default -> TestRecords.researchExpense(org);
        };
    }

    /** The case as the JSON text to post. */
    static String apply(Case c) {
        ObjectNode root = base(c.base());
        List<String> raws = new ArrayList<>();
        for (Mutation m : c.mutations()) {
            apply(root, m, raws);
        }
        String text = root.toString();
        for (String raw : raws) {
            text = text.replaceFirst("\"" + java.util.regex.Pattern.quote(RAW) + "\"",
                    java.util.regex.Matcher.quoteReplacement(raw));
        }
        return text;
    }

    private record Slot(JsonNode parent, String field, int index) {
    }

    private static void slots(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(new Slot(node, e.getKey(), -1));
                slots(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                slots(node.get(i), out);
            }
        }
    }

    private static void apply(ObjectNode root, Mutation m, List<String> raws) {
        List<Slot> slots = new ArrayList<>();
        slots(root, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = slots.get(m.where() % slots.size());
        switch (m.kind()) {
            case DELETE -> {
                if (slot.field() != null) {
                    ((ObjectNode) slot.parent()).remove(slot.field());
                } else {
                    ((ArrayNode) slot.parent()).remove(slot.index());
                }
            }
            case REPLACE -> {
                JsonNode value = value(m, raws);
                if (slot.field() != null) {
                    ((ObjectNode) slot.parent()).set(slot.field(), value);
                } else {
                    ((ArrayNode) slot.parent()).set(slot.index(), value);
                }
            }
            case ADD_FIELD -> {
                JsonNode target = slot.parent();
                if (target.isObject()) {
                    ((ObjectNode) target).set("x" + (m.where() % 7) + m.text().hashCode(), value(m, raws));
                }
            }
        }
    }

    private static JsonNode value(Mutation m, List<String> raws) {
        JsonNodeFactory f = Json.MAPPER.getNodeFactory();
        return switch (m.value()) {
            case NULL -> f.nullNode();
            case TRUE -> f.booleanNode(true);
            case INTEGER -> f.numberNode(m.size());
            case NEGATIVE -> f.numberNode(new java.math.BigDecimal("-" + m.size() + ".5"));
            case MANY_DECIMALS -> f.numberNode(new java.math.BigDecimal(m.size() + ".123456789012345678"));
            case HUGE_STRING -> f.stringNode("长".repeat(m.size()));
            case LONG_STRING -> f.stringNode("a".repeat(100 + m.size() % 5000));
            case UNICODE -> f.stringNode(m.text());
            case CONTROL -> f.stringNode("a\u0000b\u001f\u202e" + m.text());
            case EMPTY_STRING -> f.stringNode("");
            case DEEP_ARRAY -> {
                JsonNode node = f.stringNode("deep");
                for (int i = 0; i < 2 + m.size() % 60; i++) {
                    ArrayNode a = f.arrayNode();
                    a.add(node);
                    node = a;
                }
                yield node;
            }
            case EMPTY_OBJECT -> f.objectNode();
            case EMPTY_ARRAY -> f.arrayNode();
            case RAW_NAN -> raw(raws, "NaN");
            case RAW_INFINITY -> raw(raws, "-Infinity");
            case RAW_HUGE_EXPONENT -> raw(raws, "1e999999999");
            case RAW_TINY_EXPONENT -> raw(raws, "1.5e-999999999");
            case RAW_LONG_NUMBER -> raw(raws, "9".repeat(20 + m.size() % 40) + ".5");
            case RAW_MINUS_ZERO -> raw(raws, "-0.0");
            case BAD_DATE -> f.stringNode("2026-02-30");
            case BAD_TIME -> f.stringNode("2026-13-01T25:61:00+08:00");
            case NUMBER_AS_STRING -> f.stringNode(String.valueOf(m.size()));
        };
    }

    private static JsonNode raw(List<String> raws, String token) {
        raws.add(token);
        return Json.MAPPER.getNodeFactory().stringNode(RAW);
    }
}
