package lianshao.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import lianshao.rules.DecisionTables;
import lianshao.rules.RuleProblem;
import lianshao.rules.RuleSetRepository;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * Decision tables of a version as {@code .xlsx} files: downloaded as they are stored, and uploaded into a
 * draft only when the file is an {@code .xlsx} workbook within the size limit and the draft with it
 * passes the safety check and compiles. The upload is saved through {@link RuleSetLifecycle#saveFile}:
 * the draft's author only, audited, and still to be approved by someone else.
 */
@Service
public class DraftTables {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final RuleSetLifecycle lifecycle;
    private final RuleSetRepository repository;
    private final RuleSetChecks checks;
    private final DraftRuns draftRuns;
    private final RuleSetAudit audit;

    DraftTables(RuleSetLifecycle lifecycle, RuleSetRepository repository, RuleSetChecks checks, DraftRuns draftRuns, RuleSetAudit audit) {
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.checks = checks;
        this.draftRuns = draftRuns;
        this.audit = audit;
    }

    /** The bytes of an uploaded file, refused above the size limit without reading it. */
    public static byte[] read(MultipartFile file) {
        requireSize(file.getSize());
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a version's table file. */
    public byte[] download(int version, String path) {
        lifecycle.version(version);
        String stored = path == null || !DecisionTables.isTable(path) ? null : repository.files(version).get(path);
        if (stored == null) {
            throw new NotFound("版本 " + version + " 中没有决策表 " + path + " / version " + version + " has no decision table " + path);
        }
        return DecisionTables.decode(stored);
    }

    /** Replaces a table of a draft by an uploaded workbook; refuses (400, field {@code file}) what is not a valid table. */
    public void upload(int version, String path, String filename, byte[] bytes, String actor) {
        lifecycle.version(version);
        SortedMap<String, String> files = new TreeMap<>(repository.files(version));
        if (path == null || !DecisionTables.isTable(path) || !files.containsKey(path)) {
            throw ValidationFailed.of("path", "草稿中没有此决策表 / the draft has no such decision table");
        }
        requireWorkbook(filename, bytes);
        String stored = DecisionTables.encode(bytes);
        files.put(path, stored);
        RuleSetChecks.Compiled compiled = draftRuns.run(() -> checks.compile(files));
        List<RuleProblem> own = compiled.problems().stream().filter(p -> path.equals(p.file())).toList();
        if (!own.isEmpty()) {
            throw ValidationFailed.of("file", "决策表未通过校验 / the decision table does not validate: "
                    + String.join("; ", own.stream().map(RuleProblem::toString).toList()));
        }
        lifecycle.saveFile(version, path, stored, actor);
        audit.record(version, "UPLOAD_TABLE", actor, Map.of("file", path, "bytes", bytes.length,
                "name", filename == null ? "" : filename));
    }

    /** Refuses a file above the size limit of a table, before its bytes are read. */
    static void requireSize(long size) {
        if (size > DecisionTables.MAX_BYTES) {
            throw ValidationFailed.of("file", "文件过大（上限 " + DecisionTables.MAX_BYTES / 1024 + " KB）/ file too large (limit "
                    + DecisionTables.MAX_BYTES / 1024 + " KB)");
        }
    }

    static void requireWorkbook(String filename, byte[] bytes) {
        if (filename == null || !filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw ValidationFailed.of("file", "须上传 .xlsx 文件 / an .xlsx file is required");
        }
        if (bytes == null || bytes.length == 0) {
            throw ValidationFailed.of("file", "文件为空 / the file is empty");
        }
        requireSize(bytes.length);
        boolean zip = bytes.length > ZIP.length;
        for (int i = 0; zip && i < ZIP.length; i++) {
            zip = bytes[i] == ZIP[i];
        }
        if (!zip) {
            throw ValidationFailed.of("file", "不是 .xlsx 工作簿 / not an .xlsx workbook");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw ValidationFailed.of("file", "工作簿中没有工作表 / the workbook has no sheet");
            }
        } catch (ValidationFailed e) {
            throw e;
        } catch (Exception e) {
            throw ValidationFailed.of("file", "不是可读取的 .xlsx 工作簿 / not a readable .xlsx workbook");
        }
    }
}
