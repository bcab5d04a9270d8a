package lianshao.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractValidator;
import lianshao.records.RecordReplies.RecordReply;
import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.FeedPrincipal;
import lianshao.support.Json;
import lianshao.support.Times;
import lianshao.warnings.AccessLog;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;
import lianshao.web.Forbidden;
import lianshao.web.JsonBodies;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/** Contract section 1: posting records, one or in batches, and reading one back. */
@RestController
@RequestMapping("/api/v1/records")
@Tag(name = "Records 业务记录", description = "招生、招聘、招标、采购、科研经费五个领域的业务记录")
class RecordController {

    private final RecordIngestion ingestion;
    private final SinglePosts singlePosts;
    private final RecordReplies replies;
    private final RecordStore store;
    private final Warnings warnings;
    private final ContractValidator validator;
    private final JsonBodies bodies;
    private final CurrentUsers users;
    private final ReferenceQueries reference;
    private final AccessLog accessLog;

    RecordController(RecordIngestion ingestion, SinglePosts singlePosts, RecordReplies replies, RecordStore store,
            Warnings warnings, ContractValidator validator, JsonBodies bodies, CurrentUsers users, ReferenceQueries reference,
            AccessLog accessLog) {
        this.singlePosts = singlePosts;
        this.replies = replies;
        this.users = users;
        this.reference = reference;
        this.accessLog = accessLog;
        this.ingestion = ingestion;
        this.store = store;
        this.warnings = warnings;
        this.validator = validator;
        this.bodies = bodies;
    }

    @PostMapping
    @Operation(summary = "提交一条记录：存储、评估并返回预警 / Post one record: stored, evaluated, its warnings returned")
    ResponseEntity<RecordReply> post(HttpServletRequest request, Authentication auth) {
        FeedPrincipal feed = (FeedPrincipal) auth.getPrincipal();
        JsonNode envelope = bodies.read(request);
        SinglePosts.Posted posted = singlePosts.post(envelope, feed.source(), feed.binding());
        RecordIngestion.Result result = posted.result();
        if (result.outcome() == IngestOutcome.REJECTED) {
            if (result.outsideBinding()) {
                throw new Forbidden(result.errors().get(0).message());
            }
            boolean otherSource = result.errors().size() == 1 && result.errors().get(0).field().equals("source")
                    && validator.validateEnvelope(envelope).isEmpty();
            if (otherSource) {
                throw new Forbidden(result.errors().get(0).message());
            }
            throw new ValidationFailed(result.errors());
        }
        HttpStatus status = result.outcome() == IngestOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(posted.reply());
    }

    @PostMapping("/batch")
    @Operation(summary = "批量提交（最多 1000 条），逐条受理 / Post up to 1,000 records, each accepted or rejected on its own")
    BatchReply batch(HttpServletRequest request, Authentication auth) {
        FeedPrincipal feed = (FeedPrincipal) auth.getPrincipal();
        JsonNode body = bodies.read(request);
        var shape = validator.validateBatchShape(body, "records");
        if (!shape.isEmpty()) {
            throw new ValidationFailed(shape);
        }
        List<JsonNode> envelopes = new ArrayList<>();
        body.get("records").forEach(envelopes::add);
        List<BatchItem> items = new ArrayList<>();
        int accepted = 0;
        List<RecordIngestion.Result> results = ingestion.ingest(envelopes, feed.source(), feed.binding());
        Map<String, RecordReply> replies = this.replies.of(results.stream().map(RecordIngestion.Result::recordId)
                .filter(java.util.Objects::nonNull).toList());
        for (RecordIngestion.Result r : results) {
            if (r.outcome() == IngestOutcome.REJECTED) {
                items.add(new BatchItem(r.index(), r.externalId(), r.outcome().name(), null, null, null, List.of(), r.errors()));
            } else {
                accepted++;
                RecordReply reply = replies.get(r.recordId());
                items.add(new BatchItem(r.index(), r.externalId(), r.outcome().name(), r.recordId(), reply.revision(),
                        reply.status(), reply.warnings(), List.of()));
            }
        }
        return new BatchReply(accepted, envelopes.size() - accepted, items);
    }

    @GetMapping("/{recordId}")
    @Operation(summary = "读取记录（最新版本、全部版本及预警）/ A record: latest revision, all revisions, warnings")
    Map<String, Object> get(@PathVariable String recordId, Authentication auth) {
        StoredRecord record = store.find(recordId).orElseThrow(() -> new NotFound("记录不存在：" + recordId + " / no record " + recordId));
        if (auth.getPrincipal() instanceof FeedPrincipal feed) {
            if (!feed.source().equals(record.source())) {
                throw new NotFound("记录不存在：" + recordId + " / no record " + recordId);
            }
        } else {
            CurrentUser user = users.of(auth).orElseThrow(() -> new NotFound("记录不存在：" + recordId + " / no record " + recordId));
            if (!user.wholeCity() && !reference.org(record.orgCode()).map(o -> user.district().equals(o.district())).orElse(false)) {
                throw new NotFound("记录不存在：" + recordId + " / no record " + recordId);
            }
            accessLog.opened(user.username(), "RECORD", recordId, "API");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("recordId", record.id());
        reply.put("source", record.source());
        reply.put("externalId", record.externalId());
        reply.put("domain", record.domain());
        reply.put("orgCode", record.orgCode());
        reply.put("revision", record.revision());
        reply.put("status", record.status().name());
        reply.put("ruleSetVersion", record.ruleSetVersion());
        reply.put("receivedAt", Times.offset(record.receivedAt()));
        reply.put("evaluatedAt", Times.offset(record.evaluatedAt()));
        if (record.status() == RecordStatus.EVALUATION_FAILED) {
            reply.put("error", RecordReplies.firstLine(record.lastError()));
            reply.put("attempts", record.attempts());
        }
        reply.put("record", Json.parse(record.envelope()));
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (RecordStore.Revision r : store.revisions(recordId)) {
            Map<String, Object> rev = new LinkedHashMap<>();
            rev.put("revision", r.revision());
            rev.put("receivedAt", Times.offset(r.receivedAt()));
            rev.put("contentHash", r.contentHash());
            rev.put("record", Json.parse(r.envelope()));
            revisions.add(rev);
        }
        reply.put("revisions", revisions);
        reply.put("warnings", warnings.ofRecord(recordId));
        return reply;
    }

    record BatchReply(int accepted, int rejected, List<BatchItem> results) {
    }

    /** One batch result in input order; {@code evaluation} is the record's evaluation status. */
    record BatchItem(int index, String externalId, String status, String recordId, Integer revision, String evaluation,
            List<WarningView> warnings, List<lianshao.contract.FieldError> errors) {
    }

}
