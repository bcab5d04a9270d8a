package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import lianshao.rules.DecisionTables;
import lianshao.rules.MandatoryTenderTable;
import lianshao.rules.RuleSetRepository;

/** A decision table in a rule-set version: stored as Base64 text, sent the same way through the draft API. */
class DecisionTableApiTest extends RuleSetApiSupport {

    @Autowired
    RuleSetRepository repository;

    @Test
    void theActiveVersionHoldsTheRepositoryTableAsBase64() throws Exception {
        String stored = fileOf(originalVersion, MandatoryTenderTable.PATH);
        assertThat(stored).startsWith(DecisionTables.BASE64_PREFIX);
        assertThat(DecisionTables.decode(stored)).isEqualTo(Files.readAllBytes(Path.of("rules").resolve(MandatoryTenderTable.PATH)));
        assertThat(repository.files(originalVersion)).containsEntry(MandatoryTenderTable.PATH, stored);
        assertThat(active.get().rule("TEN-01").orElseThrow().file()).isEqualTo(MandatoryTenderTable.PATH);
    }

    @Test
    void aDraftWithAModifiedTableRoundTripsValidatesAndItsTestsShowTheNewThreshold() throws Exception {
        String table = DecisionTables.encode(MandatoryTenderTable.bytes(MandatoryTenderTable.IMPORTS, "Hits hits",
                MandatoryTenderTable.ACTION, List.of(new Object[] {"CONSTRUCTION", 4_000_000L},
                        new Object[] {"GOODS", 2_500_000L}, new Object[] {"SERVICES", 1_000_000L})));

        int version = draft(AUTHOR, Map.of(MandatoryTenderTable.PATH, table));

        assertThat(fileOf(version, MandatoryTenderTable.PATH)).isEqualTo(table);
        assertThat(repository.files(version)).containsEntry(MandatoryTenderTable.PATH, table);
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/validate", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));

        JsonNode report = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/test", null).andExpect(status().isOk()).andReturn());
        List<String> failed = new ArrayList<>();
        report.path("cases").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                failed.add(c.path("rule").asString() + " · " + c.path("name").asString());
            }
        });
        assertThat(failed).containsExactly("TEN-01 · goods at 2,000,000 by single source fires (goods threshold)");
    }

    @Test
    void aDraftWithAnUnsafeTableFailsValidationUnderTheTablePath() throws Exception {
        String table = DecisionTables.encode(MandatoryTenderTable.bytes(MandatoryTenderTable.IMPORTS, "System.exit(1); // $param"));

        int version = draft(AUTHOR, Map.of(MandatoryTenderTable.PATH, table));

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/validate", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].file").value(MandatoryTenderTable.PATH))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("由工作表 TEN-01 生成")));
    }

    @Test
    void aTableSentAsPlainTextIsRefusedWhenTheDraftIsCreated() throws Exception {
        var body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        body.put("comment", "表格 / table");
        body.putObject("files").put(MandatoryTenderTable.PATH, "not base64");
        as(AUTHOR, "POST", "/api/v1/rule-sets", body.toString()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files." + MandatoryTenderTable.PATH));
    }
}
