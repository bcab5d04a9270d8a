package lianshao.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import lianshao.contract.ContractSchemas;
import lianshao.contract.Domain;
import lianshao.contract.FieldDescription;
import lianshao.contract.ReferenceKind;
import lianshao.contract.ValueDescription;
import lianshao.contract.ValueKind;

/**
 * Completes the OpenAPI description from the contract schemas of {@code lianshao.contract}: the controllers read
 * their bodies as JSON trees, so springdoc sees no request-body types. This adds the component schemas (record
 * envelope, the five payloads, the reference bodies and their batch forms, Problem), attaches them to the
 * operations, adds the problem responses of the write operations, and declares the two ways to authenticate.
 */
@Component
class ContractOpenApi implements OpenApiCustomizer {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    static final String RECORD_ENVELOPE = "RecordEnvelope";
    static final String RECORD_BATCH = "RecordBatch";

    private static final String API = "/api/v1";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String REF = "#/components/schemas/";

    /** Where each reference-data resource lives (contract section 3, and {@code ReferenceController}). */
    private static final Map<ReferenceKind, Resource> RESOURCES = new EnumMap<>(Map.of(
            ReferenceKind.ORG, new Resource("/orgs", "/orgs/{orgCode}", PathItem.HttpMethod.PUT),
            ReferenceKind.PARTY, new Resource("/parties", "/parties/{partyId}", PathItem.HttpMethod.PUT),
            ReferenceKind.RELATION, new Resource("/relations", "/relations", PathItem.HttpMethod.POST),
            ReferenceKind.ADMISSION_PLAN, new Resource("/admission-plans", "/admission-plans/{orgCode}/{year}/{stage}",
                    PathItem.HttpMethod.PUT),
            ReferenceKind.SANCTION, new Resource("/sanctions", "/sanctions", PathItem.HttpMethod.POST),
            ReferenceKind.CALENDAR, new Resource("/calendar", "/calendar/{year}", PathItem.HttpMethod.PUT)));

    private final DataSize maxBodySize;

    ContractOpenApi(ApiSettings settings) {
        this.maxBodySize = settings.maxBodySize();
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setInfo(info());
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(API_KEY, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-Api-Key")
                .description("数据源的 API Key：每个 Key 归属一个报送来源（source），只能报送本来源的记录；"
                        + "具有参考数据权限的 Key 还可写入参考数据。"));
        components.addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("用户名和密码（HTTP Basic）：纪检、督办、审计等人员查看预警和记录；管理员还可写入参考数据。"));
        addSchemas(components);
        attachBodies(openApi);
        applySecurity(openApi);
    }

    private static Info info() {
        return new Info()
                .title("廉哨 Lianshao API")
                .version("v1")
                .description("""
                        廉哨是面向全市教育系统的廉政风险预警服务。招生、招聘、招标、采购、科研经费等业务系统通过本接口\
                        报送业务记录，并维护机构、当事人、关系、招生计划、处分和工作日历等参考数据；服务按当前规则集\
                        逐条评估记录，按监督执纪“四种形态”对命中的风险分级形成预警，供纪检监察人员核查、处置。\
                        数据源使用 X-Api-Key 认证，人员使用用户名和密码（HTTP Basic）认证；所有错误均以 RFC 9457 \
                        application/problem+json 返回，校验错误逐项列出字段和原因。

                        Lianshao receives records and reference data from the education system's business feeds, \
                        evaluates each record against integrity-risk rules and raises warnings graded by the four \
                        forms of supervision for inspectors to review.""");
    }

    // ---- component schemas ------------------------------------------------------------------------------------

    static void addSchemas(Components components) {
        @SuppressWarnings("rawtypes") // the swagger model takes a raw List<Schema>
        List<Schema> payloads = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            String name = payloadSchema(domain);
            components.addSchemas(name, object(ContractSchemas.payload(domain))
                    .description(domainTitle(domain) + "的业务数据（domain = " + domain.name() + "）"));
            payloads.add(ref(name));
        }
        ObjectSchema envelope = object(ContractSchemas.envelope());
        envelope.description("记录信封：一条业务记录。payload 须符合 domain 所指领域的数据结构："
                + Domain.values().stream().map(d -> d.name() + " → " + payloadSchema(d))
                        .collect(Collectors.joining("，")) + "。");
        Schema<?> payload = envelope.getProperties().get("payload");
        envelope.getProperties().put("payload", new Schema<>().oneOf(payloads).description(payload.getDescription()));
        components.addSchemas(RECORD_ENVELOPE, envelope);
        components.addSchemas(RECORD_BATCH, object(ContractSchemas.recordBatch(), RECORD_ENVELOPE)
                .description("批量提交的记录，最多 " + maxItems(ContractSchemas.recordBatch()) + " 条"));

        for (ReferenceKind kind : ReferenceKind.values()) {
            components.addSchemas(bodySchema(kind), object(ContractSchemas.reference(kind))
                    .description(referenceTitle(kind) + "（单条接口的请求体）"));
            String itemSchema = bodySchema(kind);
            if (!ContractSchemas.identifiers(kind).isEmpty()) {
                List<FieldDescription> fields = new ArrayList<>(ContractSchemas.identifiers(kind));
                fields.addAll(ContractSchemas.reference(kind));
                itemSchema = pascal(kind.name()) + "BatchItem";
                components.addSchemas(itemSchema, object(fields).description(referenceTitle(kind)
                        + "（批量条目：请求体字段加上单条接口路径中的 " + names(ContractSchemas.identifiers(kind)) + "）"));
            }
            components.addSchemas(batchSchema(kind), object(ContractSchemas.referenceBatch(), itemSchema)
                    .description(referenceTitle(kind) + "（批量），逐条受理"));
        }
        components.addSchemas(PROBLEM, problem());
    }

    /** An object of the contract: its fields, their requiredness, no others. */
    private static ObjectSchema object(List<FieldDescription> fields) {
        return object(fields, null);
    }

    /** As {@link #object(List)}; array fields whose elements the contract leaves open hold {@code itemSchema}. */
    private static ObjectSchema object(List<FieldDescription> fields, String itemSchema) {
        ObjectSchema object = new ObjectSchema();
        for (FieldDescription field : fields) {
            Schema<?> property = value(field.value(), itemSchema);
            property.setDescription(describe(field));
            object.addProperty(field.name(), property);
        }
        List<String> required = fields.stream().filter(FieldDescription::required).map(FieldDescription::name).toList();
        if (!required.isEmpty()) {
            object.setRequired(required);
        }
        object.setAdditionalProperties(false);
        return object;
    }

    private static Schema<?> value(ValueDescription value, String itemSchema) {
        return switch (value.kind()) {
            case TEXT -> {
                StringSchema text = new StringSchema();
                text.setMaxLength(value.maxLength());
                if (value.nonBlank()) {
                    text.setMinLength(1);
                }
                yield text;
            }
            case ENUM -> new StringSchema()._enum(value.enumValues());
            case INTEGER -> {
                IntegerSchema integer = new IntegerSchema();
                integer.setMinimum(bound(value.minimum()));
                if (value.maximum() != null && value.maximum() < Integer.MAX_VALUE) {
                    integer.setMaximum(bound(value.maximum()));
                }
                yield integer;
            }
            case NUMBER -> {
                NumberSchema number = new NumberSchema();
                number.setMinimum(bound(value.minimum()));
                yield number;
            }
            case BOOLEAN -> new BooleanSchema();
            case DATE -> new StringSchema().format("date");
            case TIMESTAMP -> new StringSchema().format("date-time");
            case ARRAY -> {
                ArraySchema array = new ArraySchema();
                array.setItems(value.items() != null ? value(value.items(), null)
                        : itemSchema != null ? ref(itemSchema) : new Schema<>());
                if (value.minItems() > 0) {
                    array.setMinItems(value.minItems());
                }
                array.setMaxItems(value.maxItems());
                yield array;
            }
            case OBJECT -> value.fields() == null ? new ObjectSchema() : object(value.fields());
        };
    }

    /** The field's meaning plus what its type implies and the schema cannot say. */
    private static String describe(FieldDescription field) {
        String text = field.description() == null ? "" : field.description();
        ValueDescription value = field.value();
        if (value.money()) {
            text += "金额，单位为元，最多 " + value.maxDecimals() + " 位小数"
                    + (value.minimum() == null ? "，可为负数" : "，不得为负") + "。";
        } else if (value.kind() == ValueKind.TIMESTAMP) {
            text += "ISO-8601 日期时间，须带时区偏移（如 2026-03-01T09:30:00+08:00）。";
        } else if (field.required() && value.nonBlank()) {
            text += "不能为空白。";
        }
        return text;
    }

    private static Schema<?> problem() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("出错字段的路径，如 payload.amount、payload.bids[2].price"));
        fieldError.addProperty("message", new StringSchema().description("错误原因（中文 / English）"));
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 问题详情（application/problem+json）；校验错误在 errors 中逐项列出。");
        problem.addProperty("type", new StringSchema().format("uri").description("问题类型的 URI"));
        problem.addProperty("title", new StringSchema().description("问题标题（中文 / English）"));
        problem.addProperty("status", new IntegerSchema().description("HTTP 状态码"));
        problem.addProperty("detail", new StringSchema().description("本次问题的具体说明"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("校验错误（仅限 400）：每项为一个字段及其错误原因"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    // ---- operations -------------------------------------------------------------------------------------------

    private void attachBodies(OpenAPI openApi) {
        Map<Operation, String> bodies = new LinkedHashMap<>();
        bodies.put(operation(openApi, API + "/records", PathItem.HttpMethod.POST), RECORD_ENVELOPE);
        bodies.put(operation(openApi, API + "/records/batch", PathItem.HttpMethod.POST), RECORD_BATCH);
        for (ReferenceKind kind : ReferenceKind.values()) {
            Resource resource = RESOURCES.get(kind);
            Operation single = operation(openApi, API + resource.single(), resource.singleMethod());
            describeIdentifiers(single, ContractSchemas.identifiers(kind));
            bodies.put(single, bodySchema(kind));
            bodies.put(operation(openApi, API + resource.root() + "/batch", PathItem.HttpMethod.POST), batchSchema(kind));
        }
        bodies.forEach((operation, schema) -> {
            operation.setRequestBody(new RequestBody()
                    .required(true)
                    .content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema)))));
            addProblemResponses(operation);
        });
    }

    /** The path variables of a single-form reference operation take the identifiers' constraints and meaning. */
    private static void describeIdentifiers(Operation operation, List<FieldDescription> identifiers) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            for (FieldDescription identifier : identifiers) {
                if ("path".equals(parameter.getIn()) && identifier.name().equals(parameter.getName())) {
                    parameter.setDescription(describe(identifier));
                    parameter.setSchema(value(identifier.value(), null));
                }
            }
        }
    }

    private void addProblemResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("400", problemResponse("请求数据无效：JSON 格式错误或不符合契约，errors 逐项列出字段和原因；未保存任何数据"));
        responses.addApiResponse("401", problemResponse("未认证：缺少或无效的 X-Api-Key 或用户凭据"));
        responses.addApiResponse("403", problemResponse("无权操作：如 Key 报送了其他来源的记录，或无参考数据写入权限"));
        responses.addApiResponse("413", problemResponse("请求体过大：超过 " + maxBodySize.toBytes() + " 字节的上限"));
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM))));
    }

    /**
     * Feeds post records with their key; records are read back by feeds or people; reference data is written by
     * keys with the reference scope or by administrators; warnings are for people.
     */
    private static void applySecurity(OpenAPI openApi) {
        SecurityRequirement apiKey = new SecurityRequirement().addList(API_KEY);
        SecurityRequirement basic = new SecurityRequirement().addList(BASIC);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (path.startsWith(API + "/warnings")) {
                operation.setSecurity(List.of(basic));
            } else if (path.startsWith(API + "/records")) {
                operation.setSecurity(method == PathItem.HttpMethod.GET ? List.of(apiKey, basic) : List.of(apiKey));
            } else if (RESOURCES.values().stream().anyMatch(r -> path.startsWith(API + r.root()))) {
                operation.setSecurity(List.of(apiKey, basic));
            }
        }));
    }

    private static Operation operation(OpenAPI openApi, String path, PathItem.HttpMethod method) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("the API description has no operation " + method + " " + path);
        }
        return operation;
    }

    // ---- names ------------------------------------------------------------------------------------------------

    static String payloadSchema(Domain domain) {
        return pascal(domain.name()) + "Payload";
    }

    static String bodySchema(ReferenceKind kind) {
        return pascal(kind.name()) + "Body";
    }

    static String batchSchema(ReferenceKind kind) {
        return pascal(kind.name()) + "Batch";
    }

    /** {@code RESEARCH_FUND} → {@code ResearchFund}. */
    private static String pascal(String upperSnake) {
        return Arrays.stream(upperSnake.split("_"))
                .map(part -> part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    private static String domainTitle(Domain domain) {
        return domain.title();
    }

    private static String referenceTitle(ReferenceKind kind) {
        return switch (kind) {
            case ORG -> "机构";
            case PARTY -> "当事人";
            case RELATION -> "关系";
            case ADMISSION_PLAN -> "招生计划";
            case SANCTION -> "已作出的处分";
            case CALENDAR -> "工作日历";
        };
    }

    private static String names(List<FieldDescription> fields) {
        return fields.stream().map(FieldDescription::name).collect(Collectors.joining("、"));
    }

    private static Integer maxItems(List<FieldDescription> batch) {
        return batch.get(0).value().maxItems();
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref(REF + schema);
    }

    private static BigDecimal bound(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** A reference resource: its root path, the path of its single form and that form's method. */
    private record Resource(String root, String single, PathItem.HttpMethod singleMethod) {
    }
}
