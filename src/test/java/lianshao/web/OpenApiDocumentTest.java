package lianshao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

import lianshao.support.Json;

/** The API description at {@code /v3/api-docs}, read anonymously as any integrator would. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String SCHEMAS = "#/components/schemas/";

    /** The write operations and the body each takes (contract sections 1 and 3). */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("post /api/v1/records", "RecordEnvelope"),
            Map.entry("post /api/v1/records/batch", "RecordBatch"),
            Map.entry("put /api/v1/orgs/{orgCode}", "OrgBody"),
            Map.entry("post /api/v1/orgs/batch", "OrgBatch"),
            Map.entry("put /api/v1/parties/{partyId}", "PartyBody"),
            Map.entry("post /api/v1/parties/batch", "PartyBatch"),
            Map.entry("post /api/v1/relations", "RelationBody"),
            Map.entry("post /api/v1/relations/batch", "RelationBatch"),
            Map.entry("put /api/v1/admission-plans/{orgCode}/{year}/{stage}", "AdmissionPlanBody"),
            Map.entry("post /api/v1/admission-plans/batch", "AdmissionPlanBatch"),
            Map.entry("post /api/v1/sanctions", "SanctionBody"),
            Map.entry("post /api/v1/sanctions/batch", "SanctionBatch"),
            Map.entry("put /api/v1/calendar/{year}", "CalendarBody"),
            Map.entry("post /api/v1/calendar/batch", "CalendarBatch"));

    @Autowired
    private MockMvc mvc;

    private JsonNode doc;

    @BeforeEach
    void fetch() throws Exception {
        byte[] body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        doc = Json.parse(body);
    }

    @Test
    void describesTheServiceInChineseAndEnglish() {
        assertThat(doc.at("/info/title").asString()).isEqualTo("廉哨 Lianshao API");
        assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
        assertThat(doc.at("/info/description").asString()).containsPattern(CHINESE).contains("Lianshao receives");
    }

    @Test
    void declaresTheApiKeyAndBasicSchemes() {
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/apiKey/type").asString()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asString()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.at("/basic/type").asString()).isEqualTo("http");
        assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
    }

    @Test
    void appliesTheSchemesByEndpoint() {
        assertThat(security(operation("post", "/api/v1/records"))).containsExactly("apiKey");
        assertThat(security(operation("post", "/api/v1/records/batch"))).containsExactly("apiKey");
        assertThat(security(operation("get", "/api/v1/records/{recordId}"))).containsExactly("apiKey", "basic");
        assertThat(security(operation("put", "/api/v1/orgs/{orgCode}"))).startsWith("apiKey");
        assertThat(security(operation("post", "/api/v1/sanctions/batch"))).startsWith("apiKey");
        assertThat(security(operation("get", "/api/v1/warnings"))).containsExactly("basic");
        assertThat(security(operation("get", "/api/v1/warnings/{id}"))).containsExactly("basic");
    }

    @Test
    void postingARecordTakesTheEnvelope() {
        JsonNode body = operation("post", "/api/v1/records").get("requestBody");
        assertThat(body.get("required").asBoolean()).isTrue();
        assertThat(body.at("/content/application~1json/schema/$ref").asString()).isEqualTo(SCHEMAS + "RecordEnvelope");

        JsonNode envelope = schema("RecordEnvelope");
        assertThat(strings(envelope.at("/properties/domain/enum")))
                .startsWith("ADMISSION", "RECRUITMENT", "TENDER", "PROCUREMENT", "RESEARCH_FUND")
                .containsExactlyElementsOf(lianshao.contract.Domain.values().stream().map(lianshao.contract.Domain::name).toList());
        assertThat(strings(envelope.get("required")))
                .containsExactlyInAnyOrder("domain", "source", "externalId", "orgCode", "occurredAt", "payload");
        assertThat(envelope.at("/properties/occurredAt/format").asString()).isEqualTo("date-time");
        List<String> payloads = new ArrayList<>();
        envelope.at("/properties/payload/oneOf").forEach(ref -> payloads.add(ref.get("$ref").asString()));
        assertThat(payloads).startsWith(SCHEMAS + "AdmissionPayload", SCHEMAS + "RecruitmentPayload",
                SCHEMAS + "TenderPayload", SCHEMAS + "ProcurementPayload", SCHEMAS + "ResearchFundPayload")
                .hasSameSizeAs(lianshao.contract.Domain.values());
    }

    @Test
    void aRecordBatchHoldsOneToAThousandEnvelopes() {
        assertThat(operation("post", "/api/v1/records/batch").at("/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo(SCHEMAS + "RecordBatch");
        JsonNode records = schema("RecordBatch").at("/properties/records");
        assertThat(records.get("type").asString()).isEqualTo("array");
        assertThat(records.get("minItems").asInt()).isEqualTo(1);
        assertThat(records.get("maxItems").asInt()).isEqualTo(1000);
        assertThat(records.at("/items/$ref").asString()).isEqualTo(SCHEMAS + "RecordEnvelope");
    }

    @Test
    void procurementAmountIsARequiredNonNegativeNumberDescribedInChinese() {
        JsonNode procurement = schema("ProcurementPayload");
        JsonNode amount = procurement.at("/properties/amount");
        assertThat(amount.get("type").asString()).isEqualTo("number");
        assertThat(amount.get("minimum").asInt()).isZero();
        assertThat(amount.get("description").asString()).containsPattern(CHINESE).contains("2 位小数");
        assertThat(strings(procurement.get("required"))).contains("amount", "method", "supplierRef")
                .doesNotContain("quantity");
        assertThat(procurement.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void procurementMethodHasExactlyTheContractValues() {
        assertThat(strings(schema("ProcurementPayload").at("/properties/method/enum"))).containsExactly("OPEN_TENDER",
                "INVITED_TENDER", "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION", "INQUIRY", "SINGLE_SOURCE",
                "FRAMEWORK_AGREEMENT", "DIRECT_PURCHASE");
    }

    @Test
    void tenderBidsCarryTheirFileFingerprint() {
        JsonNode tender = schema("TenderPayload");
        assertThat(strings(tender.get("required"))).contains("bids");
        JsonNode bid = tender.at("/properties/bids/items");
        assertThat(bid.at("/properties/fileFingerprint/type").asString()).isEqualTo("string");
        assertThat(bid.at("/properties/fileFingerprint/description").asString()).containsPattern(CHINESE);
        assertThat(bid.at("/properties/submittedAt/format").asString()).isEqualTo("date-time");
        assertThat(strings(bid.get("required"))).containsExactlyInAnyOrder("bidderRef", "price", "disqualified");
    }

    @Test
    void onlyContractVariationsMayBeNegative() {
        JsonNode tender = schema("TenderPayload");
        assertThat(tender.at("/properties/contractVariations/items/properties/amount/type").asString()).isEqualTo("number");
        assertThat(tender.at("/properties/contractVariations/items/properties/amount").has("minimum")).isFalse();
        assertThat(tender.at("/properties/subcontracts/items/properties/amount/minimum").asInt()).isZero();
        assertThat(tender.at("/properties/estimatedAmount/minimum").asInt()).isZero();
    }

    @Test
    void typesFollowTheContract() {
        JsonNode admission = schema("AdmissionPayload");
        assertThat(admission.at("/properties/year/type").asString()).isEqualTo("integer");
        assertThat(admission.at("/properties/admittedOn/format").asString()).isEqualTo("date");
        assertThat(admission.at("/properties/guardianRefs/items/type").asString()).isEqualTo("string");
        assertThat(strings(admission.at("/properties/criteriaUsed/items/enum"))).contains("INTERVIEW");
        assertThat(admission.at("/properties/admissionType/description").asString()).contains("REGULAR", "LOTTERY", "例外");
        assertThat(schema("RecruitmentPayload").at("/properties/hired/type").asString()).isEqualTo("boolean");
        assertThat(schema("ResearchFundPayload").at("/properties/expertDays/type").asString()).isEqualTo("number");
    }

    @Test
    void everyWriteOperationHasItsBodyAndProblemResponses() {
        BODIES.forEach((operation, schema) -> {
            String[] methodAndPath = operation.split(" ");
            JsonNode op = operation(methodAndPath[0], methodAndPath[1]);
            assertThat(op.at("/requestBody/content/application~1json/schema/$ref").asString())
                    .as(operation).isEqualTo(SCHEMAS + schema);
            assertThat(doc.at("/components/schemas/" + schema).isObject()).as(schema).isTrue();
            for (String status : List.of("400", "401", "403", "413")) {
                assertThat(op.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
                        .as(operation + " " + status).isEqualTo(SCHEMAS + "Problem");
            }
        });
    }

    @Test
    void everyReferencePutAndPostHasABody() {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().matches("/api/v1/(orgs|parties|relations|admission-plans|sanctions|calendar)(/.*)?")) {
                continue;
            }
            for (String method : List.of("put", "post")) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    seen.add(method + " " + path.getKey());
                    assertThat(op.at("/requestBody/content/application~1json/schema/$ref").asString())
                            .as(method + " " + path.getKey()).startsWith(SCHEMAS);
                }
            }
        }
        assertThat(seen).hasSize(12);
    }

    @Test
    void batchItemsCarryThePathIdentifiers() {
        assertThat(strings(schema("OrgBatchItem").get("required"))).contains("orgCode", "name", "type", "district");
        assertThat(strings(schema("PartyBatchItem").get("required"))).contains("partyId", "kind", "name");
        assertThat(strings(schema("AdmissionPlanBatchItem").get("required"))).contains("orgCode", "year", "stage", "quota");
        assertThat(strings(schema("CalendarBatchItem").get("required"))).containsExactly("year");
        assertThat(schema("OrgBatch").at("/properties/items/items/$ref").asString()).isEqualTo(SCHEMAS + "OrgBatchItem");
        assertThat(schema("RelationBatch").at("/properties/items/items/$ref").asString()).isEqualTo(SCHEMAS + "RelationBody");
        assertThat(schema("SanctionBatch").at("/properties/items/maxItems").asInt()).isEqualTo(1000);
        assertThat(schema("OrgBody").at("/properties/orgCode").isMissingNode()).isTrue();
        assertThat(schema("SanctionBody").at("/properties/form/maximum").asInt()).isEqualTo(4);
    }

    @Test
    void theProblemSchemaIsReferencedByA400() {
        assertThat(operation("post", "/api/v1/records")
                .at("/responses/400/content/application~1problem+json/schema/$ref").asString()).isEqualTo(SCHEMAS + "Problem");
        JsonNode problem = schema("Problem");
        for (String field : List.of("type", "title", "status", "detail", "errors")) {
            assertThat(problem.at("/properties/" + field).isObject()).as(field).isTrue();
        }
        assertThat(problem.at("/properties/status/type").asString()).isEqualTo("integer");
        JsonNode error = problem.at("/properties/errors/items/properties");
        assertThat(error.has("field")).isTrue();
        assertThat(error.has("message")).isTrue();
    }

    @Test
    void everyContractPropertyIsDescribedInChinese() {
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : doc.at("/components/schemas").properties()) {
            if (schema.getKey().matches(".+(Payload|Body|BatchItem|Batch)|RecordEnvelope")) {
                collectUndescribed(schema.getKey(), schema.getValue(), undescribed);
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith(SCHEMAS);
            assertThat(doc.at("/components/schemas/" + ref.substring(SCHEMAS.length())).isObject()).as(ref).isTrue();
        }
    }

    private JsonNode operation(String method, String path) {
        JsonNode op = doc.get("paths").path(path).path(method);
        assertThat(op.isObject()).as(method + " " + path).isTrue();
        return op;
    }

    private JsonNode schema(String name) {
        JsonNode schema = doc.at("/components/schemas/" + name);
        assertThat(schema.isObject()).as(name).isTrue();
        return schema;
    }

    private static List<String> security(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("security").forEach(requirement -> requirement.propertyNames().forEach(names::add));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void collectUndescribed(String path, JsonNode schema, List<String> undescribed) {
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String where = path + "." + property.getKey();
            if (!CHINESE.matcher(property.getValue().path("description").asString("")).find()) {
                undescribed.add(where);
            }
            collectUndescribed(where, property.getValue(), undescribed);
            collectUndescribed(where + "[]", property.getValue().path("items"), undescribed);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
