package lianshao.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;
import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.support.Json;

/**
 * Random mutations of valid envelopes: the validator never throws, and through the API the answer is
 * never a 5xx, a record is stored (201/200) only when it is valid, and a rejected post leaves every
 * table as it was.
 */
class EnvelopePropertyTest {

    private final ContractValidator validator = new ContractValidator();

    @Provide
    Arbitrary<Mutations.Case> mutated() {
        return Mutations.cases(3);
    }

    /** What the service should decide: valid (stored) or not, judged by parsing and validating directly. */
    private boolean valid(String text) {
        JsonNode envelope;
        try {
            envelope = Json.parse(text);
        } catch (RuntimeException malformed) {
            return false;
        }
        List<FieldError> errors = validator.validateEnvelope(envelope);
        return errors.isEmpty() && TestRecords.SOURCE.equals(envelope.path("source").asString(""));
    }

    @Property(tries = 2000)
    void theValidatorNeverThrows(@ForAll("mutated") Mutations.Case c) {
        String text = Mutations.apply(c);
        JsonNode envelope;
        try {
            envelope = Json.parse(text);
        } catch (tools.jackson.core.JacksonException malformed) {
            return; // answered 400 by the body reader
        }
        validator.validateEnvelope(envelope);
    }

    @Property(tries = 250)
    @Tag("database")
    void throughTheApiNoMutationGivesA5xxOrStoresAnInvalidRecord(@ForAll("mutated") Mutations.Case c) throws Exception {
        FuzzTarget app = FuzzTarget.get();
        String text = Mutations.apply(c);
        boolean valid = valid(text);
        long[] before = app.rows();
        MockHttpServletResponse reply = app.post("/api/v1/records", text.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        int status = reply.getStatus();
        Statistics.collect(valid ? "valid" : "invalid", status);
        assertThat(status).as("%s answered %s: %s", c, status, reply.getContentAsString()).isLessThan(500);
        if (valid) {
            assertThat(status).as("%s is valid: %s", c, reply.getContentAsString()).isIn(200, 201);
            assertThat(app.rows("record")).isEqualTo(before[0] + (status == 201 ? 1 : 0));
        } else {
            assertThat(status).as("%s is invalid", c).isIn(400, 403, 413);
            assertThat(app.rows()).as("a rejected post stores nothing").isEqualTo(before);
        }
    }

    @Property(tries = 40)
    @Tag("database")
    void aBatchOfMutatedRecordsStoresExactlyTheValidOnes(@ForAll("batches") List<Mutations.Case> cases) throws Exception {
        FuzzTarget app = FuzzTarget.get();
        StringBuilder body = new StringBuilder("{\"records\":[");
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
            String text = Mutations.apply(cases.get(i));
            if (!valid(text)) {
                // a malformed element would make the whole body malformed; keep the element parseable
                try {
                    Json.parse(text);
                } catch (RuntimeException malformed) {
                    text = "{\"broken\": true}";
                }
            } else {
                valid++;
            }
            body.append(i == 0 ? "" : ",").append(text);
        }
        body.append("]}");
        long before = app.rows("record");
        MockHttpServletResponse reply = app.post("/api/v1/records/batch", body.toString().getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
        assertThat(reply.getStatus()).as(reply.getContentAsString()).isLessThan(500);
        if (reply.getStatus() == 200) {
            JsonNode answer = Json.parse(reply.getContentAsByteArray());
            assertThat(answer.get("accepted").asInt()).isEqualTo(valid);
            assertThat(app.rows("record")).isEqualTo(before + valid);
        } else {
            assertThat(app.rows("record")).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<Mutations.Case>> batches() {
        return Mutations.cases(2).list().ofMinSize(1).ofMaxSize(30);
    }
}
