package lianshao.authoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

import lianshao.contract.FieldError;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.ActiveVersionRow;
import lianshao.rules.DecisionTables;
import lianshao.rules.RuleFiles;
import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSetStatus;
import lianshao.rules.RuleSetVersion;
import lianshao.rules.RuleSource;
import lianshao.web.Conflict;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * The life of a rule-set version: a draft made from a parent with changed files, validated and tested,
 * submitted (only when it validates and its tests pass), approved by someone other than its maker, then
 * deployed; any version that was active before can be made active again. Every step is audited.
 */
@Service
public class RuleSetLifecycle {

    static final int MAX_FILES = 5000;
    static final int MAX_COMMENT = 2000;

    private final RuleSetRepository repository;
    private final RuleSetChecks checks;
    private final RuleSetDeployer deployer;
    private final RuleSetAudit audit;
    private final ActiveRuleSet active;
    private final DraftRuns draftRuns;

    RuleSetLifecycle(RuleSetRepository repository, RuleSetChecks checks, RuleSetDeployer deployer, RuleSetAudit audit,
            ActiveRuleSet active, DraftRuns draftRuns) {
        this.draftRuns = draftRuns;
        this.repository = repository;
        this.checks = checks;
        this.deployer = deployer;
        this.audit = audit;
        this.active = active;
    }

    public RuleSetVersion version(int number) {
        return repository.find(number).orElseThrow(() -> new NotFound("规则集版本 " + number + " 不存在 / no rule-set version " + number));
    }

    /** {@code {"parent": n, "comment": "...", "files": {"path": "text" or null to delete}}}. */
    public RuleSetVersion createDraft(JsonNode body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode parentNode = body.path("parent");
        int parent = active.deployment().number();
        if (!parentNode.isMissingNode() && !parentNode.isNull()) {
            if (!parentNode.isInt()) {
                throw ValidationFailed.of("parent", "应为版本号 / must be a version number");
            }
            parent = parentNode.asInt();
        }
        int parentNumber = parent;
        requireBase(version(parentNumber));
        String comment = body.path("comment").isString() ? body.path("comment").asString() : null;
        if (comment == null || comment.isBlank()) {
            errors.add(new FieldError("comment", "请说明本次修改 / a comment describing the change is required"));
        } else if (comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "超过 " + MAX_COMMENT + " 字符 / longer than " + MAX_COMMENT + " characters"));
        }
        JsonNode changes = body.path("files");
        if (!changes.isObject() || changes.isEmpty()) {
            errors.add(new FieldError("files", "应为非空对象 {路径: 内容或 null} / must be a non-empty object {path: text or null}"));
        }
        SortedMap<String, String> files = new TreeMap<>(repository.files(parentNumber));
        Map<String, String> changed = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        if (changes.isObject()) {
            for (Map.Entry<String, JsonNode> e : changes.properties()) {
                String path = e.getKey();
                String field = "files." + path;
                if (!RuleFiles.isRuleSetFile(path)) {
                    errors.add(new FieldError(field, "路径无效：须为相对路径，以 .drl、.drl.xlsx 或 .test.json 结尾，或为 thresholds.properties / "
                            + "invalid path: relative, ending in .drl, .drl.xlsx or .test.json, or thresholds.properties"));
                } else if (e.getValue().isNull()) {
                    if (files.remove(path) == null) {
                        errors.add(new FieldError(field, "父版本中没有此文件 / the parent version has no such file"));
                    }
                    removed.add(path);
                } else if (e.getValue().isString() && DecisionTables.isTable(path)
                        && !e.getValue().asString().startsWith(DecisionTables.BASE64_PREFIX)) {
                    errors.add(new FieldError(field, "决策表须以 \"base64:\" 加文件的 Base64 内容提交 / a decision table is sent as \"base64:\" "
                            + "followed by the Base64 of the .xlsx file"));
                } else if (e.getValue().isString()) {
                    files.put(path, e.getValue().asString());
                    changed.put(path, e.getValue().asString());
                } else {
                    errors.add(new FieldError(field, "应为文本或 null / must be text or null"));
                }
            }
        }
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError("files", "文件过多 / more than " + MAX_FILES + " files"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String hash = RuleSource.fromFiles(files).version();
        for (int attempt = 1; ; attempt++) {
            try {
                int number = repository.create(files, hash, parentNumber, actor, comment, RuleSetStatus.DRAFT);
                audit.record(number, "CREATE", actor, Map.of("parent", parentNumber, "changed", changed.keySet(),
                        "removed", removed, "contentHash", hash));
                return version(number);
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw new Conflict("版本号冲突，请重试 / version number taken concurrently, retry");
                }
            }
        }
    }

    /** Versions a draft may be based on: approved ones (ACTIVE or RETIRED after having been active, or APPROVED). */
    static final Set<RuleSetStatus> BASES = EnumSet.of(RuleSetStatus.APPROVED, RuleSetStatus.ACTIVE, RuleSetStatus.RETIRED);

    /**
     * A draft is based only on an approved version, never on another draft, a submitted or a rejected one:
     * otherwise unapproved lines would reach the checker as part of the "unchanged" base.
     */
    private static void requireBase(RuleSetVersion parent) {
        if (!BASES.contains(parent.status())) {
            throw new Conflict("草稿只能基于已批准（或生效过）的版本，版本 " + parent.number() + " 状态为 " + parent.status()
                    + " / a draft can only be based on an approved (or active, or previously active) version; version "
                    + parent.number() + " is " + parent.status());
        }
    }

    /** The version active now, as the database records it (every instance agrees on it). */
    public int activeNumber() {
        return repository.active().map(ActiveVersionRow::versionNumber).orElse(active.deployment().number());
    }

    /** A draft with the same files as the parent, to be changed file by file ({@link #saveFile}). */
    public RuleSetVersion copyAsDraft(int parent, String comment, String actor) {
        requireBase(version(parent));
        if (comment == null || comment.isBlank()) {
            throw ValidationFailed.of("comment", "请说明本次修改 / a comment describing the change is required");
        }
        if (comment.length() > MAX_COMMENT) {
            throw ValidationFailed.of("comment", "超过 " + MAX_COMMENT + " 字符 / longer than " + MAX_COMMENT + " characters");
        }
        SortedMap<String, String> files = repository.files(parent);
        String hash = RuleSource.fromFiles(files).version();
        for (int attempt = 1; ; attempt++) {
            try {
                int number = repository.create(files, hash, parent, actor, comment.strip(), RuleSetStatus.DRAFT);
                audit.record(number, "CREATE", actor, Map.of("parent", parent, "changed", List.of(), "removed", List.of(),
                        "contentHash", hash));
                return version(number);
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw new Conflict("版本号冲突，请重试 / version number taken concurrently, retry");
                }
            }
        }
    }

    /**
     * Changes one file of a draft. Only the draft's author edits it, so the maker–checker rule holds for
     * every line of the version.
     */
    public RuleSetVersion saveFile(int number, String path, String text, String actor) {
        RuleSetVersion version = version(number);
        if (version.status() != RuleSetStatus.DRAFT) {
            throw new Conflict("只能修改草稿，版本 " + number + " 状态为 " + version.status() + " / only a DRAFT can be changed; version "
                    + number + " is " + version.status());
        }
        if (!actor.equals(version.author())) {
            throw new Conflict("只有草稿的作者可以修改它 / only the author of a draft can change it");
        }
        if (path == null || !RuleFiles.isRuleSetFile(path)) {
            throw ValidationFailed.of("file", "路径无效：须为相对路径，以 .drl 或 .test.json 结尾，或为 thresholds.properties / invalid path: "
                    + "relative, ending in .drl or .test.json, or thresholds.properties");
        }
        if (text == null) {
            throw ValidationFailed.of("content", "应为文本 / must be text");
        }
        String normalised = text.replace("\r\n", "\n");
        if (!repository.updateDraftFile(number, path, normalised)) {
            throw new Conflict("版本 " + number + " 已不是草稿 / version " + number + " is no longer a DRAFT");
        }
        audit.record(number, "EDIT", actor, Map.of("file", path, "chars", normalised.length()));
        return version(number);
    }

    public RuleSetChecks.Compiled validate(int number, String actor) {
        version(number);
        RuleSetChecks.Compiled compiled = draftRuns.run(() -> checks.compile(repository.files(number)));
        audit.record(number, "VALIDATE", actor, Map.of("valid", compiled.valid(), "errors", compiled.problems().size()));
        return compiled;
    }

    public TestReport test(int number, JsonNode request, String actor) {
        version(number);
        TestReport report = draftRuns.run(() -> checks.test(repository.files(number), request));
        audit.record(number, "TEST", actor, Map.of("passed", report.passed(), "cases", report.cases().size(),
                "failedCases", report.failedCases(), "records", report.records().size()));
        return report;
    }

    /** A draft that validates and whose tests pass becomes SUBMITTED. */
    public RuleSetVersion submit(int number, String actor) {
        RuleSetVersion version = version(number);
        if (version.status() != RuleSetStatus.DRAFT) {
            throw new Conflict("只能提交草稿，版本 " + number + " 状态为 " + version.status() + " / only a DRAFT can be submitted; version "
                    + number + " is " + version.status());
        }
        TestReport report = draftRuns.run(() -> checks.test(repository.files(number), null));
        if (!report.passed()) {
            audit.record(number, "SUBMIT_REFUSED", actor, Map.of("errors", report.errors().size(), "failedCases", report.failedCases()));
            throw new RuleSetRefused(report.errors().isEmpty()
                    ? report.failedCases() + " 个测试用例未通过 / " + report.failedCases() + " test case(s) fail"
                    : "版本未通过校验 / the version does not validate",
                    report.errors(), report.cases().stream().filter(c -> !c.passed()).toList());
        }
        if (!repository.markSubmitted(number, actor)) {
            throw new Conflict("版本 " + number + " 已不是草稿 / version " + number + " is no longer a DRAFT");
        }
        audit.record(number, "SUBMIT", actor, Map.of("cases", report.cases().size()));
        return version(number);
    }

    /**
     * Maker–checker: someone other than the author and the submitter approves; deployment follows in the
     * background. The approver approves the difference against the active version: {@code activeSeen} is
     * the active version they compared against; when another version became active since, the approval
     * is refused (409) so that they look at the difference again.
     */
    public CompletableFuture<RuleSetDeployer.Outcome> approve(int number, String actor, Integer activeSeen) {
        if (activeSeen == null) {
            throw ValidationFailed.of("activeVersion", "须给出批准时所比较的生效版本号 / the number of the active version the approval "
                    + "was compared against is required");
        }
        RuleSetVersion version = version(number);
        if (version.status() != RuleSetStatus.SUBMITTED) {
            throw new Conflict("只能批准已提交的版本，版本 " + number + " 状态为 " + version.status()
                    + " / only a SUBMITTED version can be approved; version " + number + " is " + version.status());
        }
        if (actor.equals(version.submittedBy()) || actor.equals(version.author())) {
            audit.record(number, "APPROVE_REFUSED", actor, Map.of("reason", "maker-checker"));
            throw new Conflict("双人复核：版本的作者或提交人不能批准自己的版本 / maker–checker: the author or submitter of a version "
                    + "cannot approve it; another rule author or an administrator must");
        }
        int activeNow = activeNumber();
        if (activeNow != activeSeen) {
            audit.record(number, "APPROVE_REFUSED", actor, Map.of("reason", "active-version-changed", "activeSeen", activeSeen,
                    "activeNow", activeNow));
            throw new Conflict("生效版本已由 " + activeSeen + " 变为 " + activeNow + "，请重新查看与当前生效版本的差异后再批准 / the active "
                    + "version is now " + activeNow + ", not " + activeSeen + "; review the difference against it and approve again");
        }
        if (!repository.markApproved(number, actor)) {
            throw new Conflict("版本 " + number + " 已不是待批准状态 / version " + number + " is no longer SUBMITTED");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activeVersion", activeNow);
        details.put("parent", version.parent());
        details.put("baseIsActive", version.parent() != null && version.parent() == activeNow);
        audit.record(number, "APPROVE", actor, details);
        return deployer.deploy(number, actor, "ACTIVATE", RuleSetStatus.SUBMITTED);
    }

    public RuleSetVersion reject(int number, String actor, String reason) {
        RuleSetVersion version = version(number);
        if (version.status() != RuleSetStatus.DRAFT && version.status() != RuleSetStatus.SUBMITTED) {
            throw new Conflict("只能退回草稿或已提交的版本 / only a DRAFT or SUBMITTED version can be rejected");
        }
        if (!repository.changeStatus(number, version.status(), RuleSetStatus.REJECTED, reason)) {
            throw new Conflict("版本状态已变化 / the version's status changed meanwhile");
        }
        audit.record(number, "REJECT", actor, reason == null ? null : Map.of("reason", reason));
        return version(number);
    }

    /** Makes a version that was active before active again, in one action. */
    public CompletableFuture<RuleSetDeployer.Outcome> rollback(int number, String actor) {
        RuleSetVersion version = version(number);
        if (version.status() == RuleSetStatus.ACTIVE) {
            throw new Conflict("版本 " + number + " 已是当前版本 / version " + number + " is already active");
        }
        if (version.status() != RuleSetStatus.RETIRED) {
            throw new Conflict("只能回滚到曾经生效的版本，版本 " + number + " 状态为 " + version.status()
                    + " / only a version that was active before (RETIRED) can be made active again; version " + number
                    + " is " + version.status());
        }
        audit.record(number, "ROLLBACK", actor, Map.of("from", active.deployment().number()));
        return deployer.deploy(number, actor, "ROLLBACK_ACTIVATE", null);
    }
}
