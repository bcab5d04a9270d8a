package lianshao.authoring;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.JsonNode;

import lianshao.rules.DecisionTables;
import lianshao.rules.RuleSetRepository;
import lianshao.web.JsonBodies;
import lianshao.web.ValidationFailed;

/**
 * A draft's files through forms rather than raw text: thresholds as typed values (with the test cases a
 * change affects, and accepting their new outcomes), and decision tables as {@code .xlsx} files with a
 * cell-by-cell comparison between versions.
 */
@RestController
@RequestMapping("/api/v1/rule-sets/{version}")
class DraftFilesController {

    private final DraftExpectations expectations;
    private final DraftTables tables;
    private final RuleSetLifecycle lifecycle;
    private final RuleSetRepository repository;
    private final JsonBodies bodies;

    DraftFilesController(DraftExpectations expectations, DraftTables tables, RuleSetLifecycle lifecycle, RuleSetRepository repository,
            JsonBodies bodies) {
        this.expectations = expectations;
        this.tables = tables;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.bodies = bodies;
    }

    @GetMapping("/thresholds")
    Map<String, Object> thresholds(@PathVariable int version) {
        return Map.of("version", version, "fields", expectations.thresholds(version));
    }

    /** {@code {"values": {"key": "value"}}}. */
    @PostMapping("/thresholds")
    DraftExpectations.Result changeThresholds(@PathVariable int version, HttpServletRequest request, Authentication user) {
        JsonNode values = bodies.read(request).path("values");
        if (!values.isObject()) {
            throw ValidationFailed.of("values", "应为对象 {键: 值} / must be an object {key: value}");
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            if (!e.getValue().isString() && !e.getValue().isNumber()) {
                throw ValidationFailed.of("values." + e.getKey(), "应为文本或数字 / must be text or a number");
            }
            typed.put(e.getKey(), e.getValue().isNumber() ? e.getValue().decimalValue().toPlainString() : e.getValue().asString());
        }
        return expectations.changeThresholds(version, typed, user.getName());
    }

    /** {@code {"cases": [{"file": "...", "name": "..."}]}}: their current outcome becomes their expectation. */
    @PostMapping("/expectations")
    DraftExpectations.Result accept(@PathVariable int version, HttpServletRequest request, Authentication user) {
        JsonNode cases = bodies.read(request).path("cases");
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode c : cases) {
            if (!c.path("file").isString() || !c.path("name").isString()) {
                throw ValidationFailed.of("cases", "每个用例须有 file 和 name / each case needs a file and a name");
            }
            keys.add(c.path("file").asString() + "::" + c.path("name").asString());
        }
        return expectations.accept(version, keys, user.getName());
    }

    @GetMapping("/tables")
    ResponseEntity<byte[]> download(@PathVariable int version, @RequestParam String path) {
        byte[] bytes = tables.download(version, path);
        String name = path.substring(path.lastIndexOf('/') + 1).replace(".drl.xlsx", "") + "-v" + version + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DraftTables.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @PostMapping(path = "/tables", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@PathVariable int version, @RequestParam String path, @RequestPart("file") MultipartFile file,
            Authentication user) {
        tables.upload(version, path, file.getOriginalFilename(), DraftTables.read(file), user.getName());
        return Map.of("version", version, "path", path, "contentHash", lifecycle.version(version).contentHash());
    }

    @GetMapping("/tables/diff")
    Map<String, Object> diff(@PathVariable int version, @RequestParam String path, @RequestParam int against) {
        lifecycle.version(version);
        lifecycle.version(against);
        if (!DecisionTables.isTable(path)) {
            throw ValidationFailed.of("path", "不是决策表 / not a decision table");
        }
        List<DecisionTableGrid.SheetDiff> sheets = DecisionTableGrid.diff(repository.files(against).get(path),
                repository.files(version).get(path));
        return Map.of("version", version, "against", against, "path", path, "sheets", sheets);
    }
}
