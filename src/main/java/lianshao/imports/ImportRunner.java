package lianshao.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.records.IngestOutcome;
import lianshao.records.RecordIngestion;
import lianshao.reference.OrgBoundary;
import lianshao.reference.ReferenceQueries;
import lianshao.reference.ReferenceWriter;
import lianshao.reference.WriteOutcome;
import lianshao.security.Binding;
import lianshao.support.DisplayFormat;
import lianshao.support.Json;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;

/**
 * Processes one uploaded file in the background: reads its header rows, counts its data rows, reads the list
 * sheets, then turns the main sheet's rows into envelopes (or reference bodies) in chunks and takes each chunk
 * in through {@link RecordIngestion} (or {@link ReferenceWriter}), storing each row's outcome, its errors mapped
 * back to sheet, row and column, and the import's progress after every chunk.
 */
@Component
class ImportRunner {

    /** A time cell the validator refused, explained in the forms a ledger accepts (ColumnHints) rather than the API's. */
    static final String TIME_AS_TYPED = "时间无效，应填 2026-03-02 10:15、2026-03-02 或带时区的 2026-03-02T10:15:00+08:00"
            + " / invalid time: write 2026-03-02 10:15, 2026-03-02 or 2026-03-02T10:15:00+08:00 with an offset";

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ITEM_PATH = Pattern.compile("payload\\.(\\w+)\\[(\\d+)](?:\\.(\\w+))?.*");
    private static final Pattern PARTY_ID = Pattern.compile("[^\\p{Cntrl}]{1,256}");
    private static final String NO_COLUMN = "—";

    private final ImportJobs jobs;
    private final ImportSettings settings;
    private final RecordIngestion ingestion;
    private final ContractValidator validator;
    private final ReferenceWriter writer;
    private final ReferenceQueries reference;
    private final Warnings warnings;
    private final CellConverter converter;
    private final OrgBoundary boundary;

    ImportRunner(ImportJobs jobs, ImportSettings settings, RecordIngestion ingestion, ContractValidator validator,
            ReferenceWriter writer, ReferenceQueries reference, Warnings warnings, OrgBoundary boundary,
            DisplayFormat format) {
        this.boundary = boundary;
        this.jobs = jobs;
        this.settings = settings;
        this.ingestion = ingestion;
        this.validator = validator;
        this.writer = writer;
        this.reference = reference;
        this.warnings = warnings;
        this.converter = new CellConverter(format.zone());
    }

    /**
     * What the background worker needs to know about an accepted upload.
     *
     * @param sourcePerOrg records take the source {@code source:orgCode} (people's imports: each school's numbering
     *                     is its own); else {@code source} (a feed's imports share the identities of what it posts)
     * @param binding      the organisations the uploader may write for
     */
    record Task(String id, ImportKind kind, Path file, String format, String source, boolean sourcePerOrg, Binding binding) {

        /** The source of a record of this organisation. */
        String sourceOf(String orgCode) {
            return sourcePerOrg && orgCode != null && !orgCode.isBlank() ? source + ":" + orgCode : source;
        }
    }

    void run(Task task) {
        Run run = new Run(task);
        try (TableSource source = open(task)) {
            run.execute(source);
            jobs.progress(task.id(), run.progress());
            jobs.finish(task.id(), ImportJobs.DONE, null);
        } catch (ImportFailure e) {
            log.info("import {} failed: {}", task.id(), e.getMessage());
            jobs.progress(task.id(), run.progress());
            jobs.finish(task.id(), ImportJobs.FAILED, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("import {} failed unexpectedly", task.id(), e);
            jobs.progress(task.id(), run.progress());
            jobs.finish(task.id(), ImportJobs.FAILED, "导入过程中发生内部错误，已记录 / an internal error stopped the import and was logged");
        } finally {
            try {
                ingestion.releaseHeldReevaluations(task.id());
            } catch (RuntimeException e) {
                log.warn("import {}: its held re-evaluations are released by the hold limit instead: {}", task.id(), e.toString());
            }
            try {
                Files.deleteIfExists(task.file());
            } catch (java.io.IOException e) {
                log.warn("cannot delete {}", task.file(), e);
            }
        }
    }

    private TableSource open(Task task) {
        return "CSV".equals(task.format()) ? new CsvSource(task.file(), settings) : new XlsxSource(task.file(), settings);
    }

    /** One item row of a list sheet. */
    private record ItemRow(String sheet, int rowNumber, String key, ObjectNode item) {
    }

    /** One data row of the main sheet, converted. */
    private record RowData(int rowNumber, String externalId, ObjectNode node, Map<String, List<ItemRow>> items,
            List<RowErrorDraft> preErrors) {
    }

    private record RowErrorDraft(String field, String message) {
    }

    /** The state of one import while it runs. */
    private final class Run {
        private final Task task;
        private final Layout layout;
        private final Map<String, Map<String, List<ItemRow>>> items = new HashMap<>();
        private final Map<String, Integer> seenKeys = new HashMap<>();
        private final Set<String> seenIds = new HashSet<>();
        private final Map<String, Boolean> knownOrgs = new HashMap<>();
        private final List<RowData> chunk = new ArrayList<>();
        private int rowsDone;
        private int accepted;
        private int rejected;
        private int created;
        private int revised;
        private int unchanged;
        private int errorCount;

        Run(Task task) {
            this.task = task;
            this.layout = Layouts.of(task.kind());
        }

        ImportJobs.Progress progress() {
            return new ImportJobs.Progress(rowsDone, accepted, rejected, created, revised, unchanged, errorCount);
        }

        void execute(TableSource source) {
            List<String> tables = source.tables();
            if (tables.isEmpty()) {
                throw new ImportFailure("工作簿中没有工作表 / the workbook has no sheet");
            }
            String main = tables.get(0);
            int[] total = {0};
            source.read(0, new HeaderedRows(main, layout.columns(), (n, cells, columns) -> {
                if (++total[0] > settings.maxRows()) {
                    throw new ImportFailure("数据超过 " + settings.maxRows() + " 行，请拆分后分批导入 / more than " + settings.maxRows()
                            + " data rows: split the file");
                }
            }));
            jobs.total(task.id(), total[0]);
            readItems(source, tables);
            source.read(0, new HeaderedRows(main, layout.columns(), (n, cells, columns) -> {
                chunk.add(row(n, cells, columns));
                if (chunk.size() >= settings.chunkSize()) {
                    flush();
                }
            }));
            flush();
            orphans();
        }

        private void readItems(TableSource source, List<String> tables) {
            int[] count = {0};
            for (int t = 1; t < tables.size(); t++) {
                String name = tables.get(t);
                Optional<ItemSheet> sheet = layout.itemSheets().stream().filter(s -> s.matches(name)).findFirst();
                if (sheet.isEmpty()) {
                    continue;
                }
                ItemSheet itemSheet = sheet.get();
                List<Column> columns = new ArrayList<>();
                columns.add(Layouts.keyColumn());
                columns.addAll(itemSheet.columns());
                Map<String, List<ItemRow>> byKey = items.computeIfAbsent(itemSheet.listField(), k -> new LinkedHashMap<>());
                source.read(t, new HeaderedRows(name, columns, (n, cells, cols) -> {
                    if (++count[0] > settings.maxItemRows()) {
                        throw new ImportFailure("列表工作表合计超过 " + settings.maxItemRows() + " 行 / the list sheets hold more than "
                                + settings.maxItemRows() + " rows");
                    }
                    ObjectNode item = NODES.objectNode();
                    String key = null;
                    for (Map.Entry<Integer, Column> e : cols.entrySet()) {
                        JsonNode value = converter.convert(cells.get(e.getKey()), e.getValue());
                        if (value == null) {
                            continue;
                        }
                        if (e.getValue().field().equals(Layout.KEY_FIELD) && e.getValue().path().equals(Layout.KEY_FIELD)
                                && key == null) {
                            key = value.asString();
                        } else {
                            item.set(e.getValue().field(), value);
                        }
                    }
                    byKey.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(new ItemRow(name, n, key, item));
                }));
            }
        }

        private RowData row(int rowNumber, Map<Integer, CellValue> cells, Map<Integer, Column> columns) {
            ObjectNode node = NODES.objectNode();
            ObjectNode payload = null;
            if (task.kind().records()) {
                node.put("domain", task.kind().domain().name());
                node.put("source", task.source());
                payload = node.putObject("payload");
            }
            for (Map.Entry<Integer, Column> e : columns.entrySet()) {
                JsonNode value = converter.convert(cells.get(e.getKey()), e.getValue());
                if (value == null) {
                    continue;
                }
                String path = e.getValue().path();
                if (payload != null && path.startsWith("payload.")) {
                    payload.set(path.substring("payload.".length()), value);
                } else {
                    node.set(path, value);
                }
            }
            if (payload != null && node.get("orgCode") != null && node.get("orgCode").isString()) {
                node.put("source", task.sourceOf(node.get("orgCode").asString()));
            }
            String externalId = key(node);
            Map<String, List<ItemRow>> attached = new HashMap<>();
            List<RowErrorDraft> pre = new ArrayList<>();
            if (payload != null) {
                for (ItemSheet sheet : layout.itemSheets()) {
                    List<ItemRow> rows = externalId == null ? null : items.getOrDefault(sheet.listField(), Map.of()).get(externalId);
                    if (rows != null && !rows.isEmpty()) {
                        ArrayNode array = payload.putArray(sheet.listField());
                        rows.forEach(r -> array.add(r.item()));
                        attached.put(sheet.listField(), rows);
                    }
                }
                if (externalId != null) {
                    // two schools of one people's ledger may share a number; within one school it is a duplicate
                    String identity = task.sourcePerOrg() ? text(node, "source") + "\u0000" + externalId : externalId;
                    seenIds.add(externalId);
                    Integer first = seenKeys.putIfAbsent(identity, rowNumber);
                    if (first != null) {
                        pre.add(new RowErrorDraft("externalId", "与第 " + first + " 行的记录编号重复 / same externalId as row " + first));
                    }
                }
                JsonNode org = node.get("orgCode");
                if (settings.requireRegisteredOrg() && org != null && org.isString() && !org.asString().isBlank()
                        && !registered(org.asString())) {
                    pre.add(new RowErrorDraft("orgCode", "机构代码未登记：" + org.asString() + " / unknown organisation code "
                            + org.asString()));
                }
            } else if (task.kind() == ImportKind.PARTIES && externalId != null) {
                Integer first = seenKeys.putIfAbsent(externalId, rowNumber);
                if (first != null) {
                    pre.add(new RowErrorDraft("partyId", "与第 " + first + " 行的当事人编号重复 / same partyId as row " + first));
                }
            }
            return new RowData(rowNumber, externalId, node, attached, pre);
        }

        private String key(ObjectNode node) {
            if (task.kind() == ImportKind.PARTIES) {
                return text(node, "partyId");
            }
            if (task.kind() == ImportKind.RELATIONS) {
                String from = text(node, "fromRef");
                String to = text(node, "toRef");
                return from == null && to == null ? null : from + " → " + to;
            }
            return text(node, "externalId");
        }

        private boolean registered(String orgCode) {
            return knownOrgs.computeIfAbsent(orgCode, code -> reference.org(code).isPresent());
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<ImportJobs.RowOutcome> outcomes = new ArrayList<>();
            List<ImportJobs.RowError> errors = new ArrayList<>();
            if (task.kind().records()) {
                records(outcomes, errors);
            } else {
                referenceData(outcomes, errors);
            }
            jobs.addRows(task.id(), outcomes);
            jobs.addErrors(task.id(), errorCount, errors);
            errorCount += errors.size();
            rowsDone += chunk.size();
            chunk.clear();
            jobs.progress(task.id(), progress());
        }

        private void records(List<ImportJobs.RowOutcome> outcomes, List<ImportJobs.RowError> errors) {
            List<JsonNode> envelopes = new ArrayList<>();
            List<RowData> ingested = new ArrayList<>();
            Map<RowData, List<FieldError>> rejectedRows = new LinkedHashMap<>();
            for (RowData row : chunk) {
                if (row.preErrors().isEmpty()) {
                    envelopes.add(row.node());
                    ingested.add(row);
                } else {
                    List<FieldError> all = new ArrayList<>();
                    row.preErrors().forEach(p -> all.add(new FieldError(p.field(), p.message())));
                    all.addAll(validator.validateEnvelope(row.node()));
                    rejectedRows.put(row, all);
                }
            }
            // one ingestion per source (per organisation for people's imports), each within the uploader's binding
            Map<String, List<Integer>> bySource = new LinkedHashMap<>();
            for (int i = 0; i < envelopes.size(); i++) {
                bySource.computeIfAbsent(text(envelopes.get(i), "source"), k -> new ArrayList<>()).add(i);
            }
            Map<RowData, RecordIngestion.Result> byRow = new HashMap<>();
            for (Map.Entry<String, List<Integer>> group : bySource.entrySet()) {
                List<JsonNode> ofSource = group.getValue().stream().map(envelopes::get).toList();
                for (RecordIngestion.Result result : ingestion.ingest(ofSource, group.getKey(), task.binding(), task.id())) {
                    RowData row = ingested.get(group.getValue().get(result.index()));
                    if (result.outcome() == IngestOutcome.REJECTED) {
                        rejectedRows.put(row, result.errors());
                    } else {
                        byRow.put(row, result);
                    }
                }
            }
            for (RowData row : chunk) {
                RecordIngestion.Result result = byRow.get(row);
                if (result != null) {
                    count(result.outcome().name());
                    outcomes.add(new ImportJobs.RowOutcome(row.rowNumber(), row.externalId(), result.outcome().name(),
                            result.recordId(), warningsOf(result.recordId())));
                } else {
                    reject(row, rejectedRows.getOrDefault(row, List.of()), outcomes, errors);
                }
            }
        }

        private void referenceData(List<ImportJobs.RowOutcome> outcomes, List<ImportJobs.RowError> errors) {
            for (RowData row : chunk) {
                List<FieldError> found = new ArrayList<>();
                row.preErrors().forEach(p -> found.add(new FieldError(p.field(), p.message())));
                ObjectNode body = row.node();
                if (task.kind() == ImportKind.PARTIES) {
                    String id = text(body, "partyId");
                    if (id == null || id.isBlank() || !PARTY_ID.matcher(id).matches()) {
                        found.add(new FieldError("partyId", "必填，不能为空或过长 / required, non-blank, not too long"));
                    }
                    JsonNode withoutId = Json.without(body, "partyId");
                    found.addAll(validator.validateReference(task.kind().reference(), withoutId));
                    if (found.isEmpty()) {
                        boundary.refusal(task.binding(), text(withoutId, "orgCode"))
                                .or(() -> boundary.refusal(task.binding(), boundary.partyOrg(id)))
                                .ifPresent(refusal -> found.add(new FieldError("orgCode", refusal)));
                    }
                    if (found.isEmpty()) {
                        try {
                            // a bound importer does not rewrite a party shared by the whole city (no organisation)
                            WriteOutcome outcome = writer.putParty(id, withoutId, task.binding().wholeCity());
                            accept(row, outcome, id, outcomes);
                            continue;
                        } catch (lianshao.web.Forbidden shared) {
                            found.add(new FieldError("partyId", shared.getMessage()));
                        }
                    }
                } else {
                    found.addAll(validator.validateReference(task.kind().reference(), body));
                    if (found.isEmpty()) {
                        boundary.refsRefusal(task.binding(), java.util.Arrays.asList(text(body, "fromRef"), text(body, "toRef")))
                                .or(() -> boundary.sharedOnlyRefusal(task.binding(), java.util.Arrays.asList(text(body, "fromRef"),
                                        text(body, "toRef"))))
                                .ifPresent(refusal -> found.add(new FieldError("fromRef", refusal)));
                    }
                    if (found.isEmpty()) {
                        ReferenceWriter.Written written = writer.addRelation(body);
                        accept(row, written.outcome(), written.id(), outcomes);
                        continue;
                    }
                }
                reject(row, found, outcomes, errors);
            }
        }

        private void accept(RowData row, WriteOutcome outcome, String id, List<ImportJobs.RowOutcome> outcomes) {
            String name = switch (outcome) {
                case CREATED -> "CREATED";
                case UNCHANGED -> "UNCHANGED";
                default -> "REVISED";
            };
            count(name);
            outcomes.add(new ImportJobs.RowOutcome(row.rowNumber(), row.externalId(), name, id, null));
        }

        private void count(String outcome) {
            accepted++;
            switch (outcome) {
                case "CREATED" -> created++;
                case "UNCHANGED" -> unchanged++;
                default -> revised++;
            }
        }

        private void reject(RowData row, List<FieldError> found, List<ImportJobs.RowOutcome> outcomes,
                List<ImportJobs.RowError> errors) {
            rejected++;
            outcomes.add(new ImportJobs.RowOutcome(row.rowNumber(), row.externalId(), IngestOutcome.REJECTED.name(), null, null));
            if (found.isEmpty()) {
                found = List.of(new FieldError("$", "未通过校验 / rejected"));
            }
            for (FieldError error : found) {
                errors.add(locate(row, error.invalidTimestamp() ? new FieldError(error.field(), TIME_AS_TYPED) : error));
            }
        }

        /** Where an error sits in the file: the item sheet's row for list items, else the row's column. */
        private ImportJobs.RowError locate(RowData row, FieldError error) {
            String field = error.field();
            Matcher m = ITEM_PATH.matcher(field);
            if (m.matches()) {
                Optional<ItemSheet> sheet = layout.itemSheet(m.group(1));
                List<ItemRow> rows = row.items().get(m.group(1));
                int index = Integer.parseInt(m.group(2));
                if (sheet.isPresent() && rows != null && index < rows.size()) {
                    ItemRow item = rows.get(index);
                    String column = m.group(3) == null ? sheet.get().header()
                            : sheet.get().columns().stream().filter(c -> c.field().equals(m.group(3))).map(Column::header)
                                    .findFirst().orElse(m.group(3));
                    return new ImportJobs.RowError(item.sheet(), item.rowNumber(), column, field, row.externalId(),
                            error.message());
                }
            }
            String column = NO_COLUMN;
            for (Column c : layout.columns()) {
                if (field.equals(c.path()) || field.startsWith(c.path() + "[")) {
                    column = c.header();
                    break;
                }
            }
            if (column.equals(NO_COLUMN)) {
                for (ItemSheet s : layout.itemSheets()) {
                    if (field.equals(s.path()) || field.startsWith(s.path() + "[")) {
                        column = s.sheetName();
                        break;
                    }
                }
            }
            return new ImportJobs.RowError(layout.mainSheet(), row.rowNumber(), column, field, row.externalId(), error.message());
        }

        /** Item rows whose record is not in the main sheet. */
        private void orphans() {
            List<ImportJobs.RowError> errors = new ArrayList<>();
            Set<String> keys = new HashSet<>(seenIds);
            for (ItemSheet sheet : layout.itemSheets()) {
                for (Map.Entry<String, List<ItemRow>> e : items.getOrDefault(sheet.listField(), Map.of()).entrySet()) {
                    if (keys.contains(e.getKey())) {
                        continue;
                    }
                    for (ItemRow item : e.getValue()) {
                        String message = item.key() == null
                                ? "缺少所属记录编号 / the record's externalId is missing"
                                : "主表中没有编号为 " + item.key() + " 的记录 / no record " + item.key() + " in the main sheet";
                        errors.add(new ImportJobs.RowError(item.sheet(), item.rowNumber(), Layouts.keyColumn().header(),
                                Layout.KEY_FIELD, item.key(), message));
                    }
                }
            }
            jobs.addErrors(task.id(), errorCount, errors);
            errorCount += errors.size();
        }

        private String warningsOf(String recordId) {
            return warnings.ofRecord(recordId).stream().filter(WarningView::stillHits)
                    .map(w -> w.ruleId() + " " + w.title()).collect(Collectors.joining("; "));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
