package lianshao.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import lianshao.contract.Domain;

/** The component schemas of the OpenAPI description as pretty JSON, for the golden test of the contract. */
public final class OpenApiGolden {

    private OpenApiGolden() {
    }

    /** The payload schema of one domain. */
    public static String payload(Domain domain) {
        return render(List.of(ContractOpenApi.payloadSchema(domain)));
    }

    /** The envelope, the record batch and the problem body, which every domain shares. */
    public static String envelope() {
        return render(List.of(ContractOpenApi.RECORD_ENVELOPE, ContractOpenApi.RECORD_BATCH, ContractOpenApi.PROBLEM));
    }

    @SuppressWarnings("rawtypes")
    private static String render(List<String> names) {
        Components components = new Components();
        ContractOpenApi.addSchemas(components);
        Map<String, Schema> picked = new LinkedHashMap<>();
        for (String name : names) {
            Schema schema = components.getSchemas().get(name);
            if (schema == null) {
                throw new IllegalStateException("no component schema " + name);
            }
            picked.put(name, schema);
        }
        return Json.pretty(picked);
    }
}
