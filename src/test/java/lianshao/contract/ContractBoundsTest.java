package lianshao.contract;

import static lianshao.contract.ExpectedMessages.tooLong;
import static lianshao.contract.ExpectedMessages.tooMany;
import static lianshao.contract.TestJson.envelope;
import static lianshao.contract.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every string and every array a feed may send is bounded, at sizes no real record reaches, and one value beyond
 * its bound is refused with one error naming the field (with its index path) and the limit. The bounded fields
 * are read from the schemas themselves, so a field added later without a bound fails here.
 */
class ContractBoundsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ContractValidator validator = new ContractValidator();

    /** A bounded value: where it sits (an envelope path, or a reference body path) and its limit. */
    record Bounded(Domain domain, ReferenceKind kind, String path, ValueKind valueKind, int limit) {
        @Override
        public String toString() {
            return (domain != null ? domain.name() : kind.name()) + " " + path + " ≤ " + limit;
        }
    }

    /** Valid reference bodies to which one over-long field is added. */
    private static final Map<ReferenceKind, String> REFERENCE_BODIES = Map.of(
            ReferenceKind.ORG, "{\"name\":\"实验小学\",\"type\":\"SCHOOL\",\"district\":\"东城区\"}",
            ReferenceKind.PARTY, "{\"kind\":\"PERSON\",\"name\":\"张三\",\"roles\":[\"STAFF\"]}",
            ReferenceKind.RELATION, "{\"fromRef\":\"P-1\",\"toRef\":\"P-2\",\"kind\":\"SPOUSE\"}",
            ReferenceKind.ADMISSION_PLAN, "{\"quota\":10}",
            ReferenceKind.SANCTION, "{\"subjectRef\":\"P-1\",\"kind\":\"CRIMINAL\",\"form\":4,\"start\":\"2026-01-01\"}",
            ReferenceKind.CALENDAR, "{\"holidays\":[\"2026-01-01\"]}");

    static List<Bounded> bounded() {
        List<Bounded> all = new ArrayList<>();
        for (FieldDescription f : ContractSchemas.envelope()) {
            if (f.kind() == ValueKind.TEXT) {
                all.add(new Bounded(Domain.valueOf("PROCUREMENT"), null, f.name(), ValueKind.TEXT, f.value().maxLength()));
            }
        }
        for (Domain domain : Domain.values()) {
            collect(domain, null, "payload.", ContractSchemas.payload(domain), all);
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            collect(null, kind, "", ContractSchemas.reference(kind), all);
        }
        return all;
    }

    private static void collect(Domain domain, ReferenceKind kind, String prefix, List<FieldDescription> fields,
            List<Bounded> out) {
        for (FieldDescription f : fields) {
            String path = prefix + f.name();
            ValueDescription v = f.value();
            if (v.kind() == ValueKind.TEXT) {
                out.add(new Bounded(domain, kind, path, ValueKind.TEXT, v.maxLength()));
            } else if (v.kind() == ValueKind.ARRAY) {
                out.add(new Bounded(domain, kind, path, ValueKind.ARRAY, v.maxItems()));
                if (v.items() != null && v.items().kind() == ValueKind.TEXT) {
                    out.add(new Bounded(domain, kind, path + "[0]", ValueKind.TEXT, v.items().maxLength()));
                }
                collect(domain, kind, path + "[0].", f.itemFields(), out);
            }
        }
    }

    static Stream<Arguments> boundedFields() {
        return bounded().stream().map(b -> arguments(b));
    }

    @Test
    void everyStringAndArrayOfTheContractHasABoundNoRealRecordReaches() {
        List<Bounded> all = bounded();
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all).allSatisfy(b -> {
            assertThat(b.limit()).as(b.toString()).isPositive();
            assertThat(b.limit()).as(b.toString())
                    .isLessThanOrEqualTo(b.valueKind() == ValueKind.TEXT ? FieldTypes.PROSE_LENGTH : FieldTypes.MAX_LINE_ITEMS);
        });
        // the ones the rules pair up or count are kept small
        assertThat(limit(Domain.valueOf("TENDER"), "payload.bids")).isEqualTo(200);
        assertThat(limit(Domain.valueOf("TENDER"), "payload.evaluators")).isEqualTo(100);
        assertThat(limit(Domain.valueOf("PROCUREMENT"), "payload.payments")).isEqualTo(500);
        assertThat(limit(Domain.valueOf("RESEARCH_FUND"), "payload.memberRefs")).isEqualTo(200);
        assertThat(limit(Domain.valueOf("TENDER"), "payload.bids[0].bidderRef")).isEqualTo(64);
        assertThat(limit(Domain.valueOf("TENDER"), "payload.projectName")).isEqualTo(200);
        assertThat(limit(Domain.valueOf("PROCUREMENT"), "payload.description")).isEqualTo(2000);
    }

    private static int limit(Domain domain, String path) {
        return bounded().stream().filter(b -> b.domain() == domain && b.path().equals(path)).findFirst().orElseThrow().limit();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundedFields")
    void oneBeyondTheBoundIsOneErrorNamingTheFieldAndTheLimit(Bounded b) {
        assertThat(validateBeyond(b, 1)).containsExactly(expected(b));
    }

    @Property(tries = 300)
    void anyExcessOfAnyBoundIsRefusedOnThatField(@ForAll("anyBounded") Bounded b, @ForAll @IntRange(min = 1, max = 400) int excess) {
        assertThat(validateBeyond(b, excess)).containsExactly(expected(b));
    }

    @Provide
    Arbitrary<Bounded> anyBounded() {
        return Arbitraries.of(bounded());
    }

    private List<FieldError> validateBeyond(Bounded b, int excess) {
        JsonNode value = b.valueKind() == ValueKind.TEXT ? F.stringNode("长".repeat(b.limit() + excess)) : array(b.limit() + excess);
        if (b.domain() != null) {
            ObjectNode envelope = envelope(b.domain(), "full");
            if (b.path().endsWith("[0]") && !parentExists(envelope, b.path())) {
                // an element of a string array the fixture leaves empty: the array of that one element
                String array = b.path().substring(0, b.path().length() - 3);
                return validator.validateEnvelope(TestJson.set(envelope, array, F.arrayNode().add(value)));
            }
            assertThat(parentExists(envelope, b.path())).as("the full %s fixture has %s", b.domain(), b.path()).isTrue();
            return validator.validateEnvelope(TestJson.set(envelope, b.path(), value));
        }
        ObjectNode body = (ObjectNode) json(REFERENCE_BODIES.get(b.kind()));
        if (b.path().endsWith("[0]")) {
            body.set(b.path().substring(0, b.path().length() - 3), F.arrayNode().add(value));
        } else {
            body.set(b.path(), value);
        }
        return validator.validateReference(b.kind(), body);
    }

    private static boolean parentExists(ObjectNode envelope, String path) {
        int item = path.lastIndexOf("[0]");
        if (item < 0) {
            return true;
        }
        JsonNode array = TestJson.at(envelope, path.substring(0, item));
        return array != null && array.isArray() && !array.isEmpty();
    }

    private static ArrayNode array(int size) {
        ArrayNode array = F.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add("X-" + i);
        }
        return array;
    }

    private static FieldError expected(Bounded b) {
        return new FieldError(b.path(), b.valueKind() == ValueKind.TEXT ? tooLong(b.limit()) : tooMany(b.limit()));
    }
}
