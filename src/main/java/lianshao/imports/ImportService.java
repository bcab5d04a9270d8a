package lianshao.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import lianshao.support.Ids;
import lianshao.web.BodyTooLarge;
import lianshao.web.Forbidden;
import lianshao.web.ServiceBusy;
import lianshao.web.ValidationFailed;

/**
 * Accepts an upload: checks kind, size, name and content (XLSX or CSV; macro-enabled, legacy and other files are
 * refused at once), stores the file for the worker, records the import (which is also its audit entry) and hands
 * it to the background pool. Reading the rows happens there.
 */
@Service
class ImportService {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final ImportSettings settings;
    private final ImportJobs jobs;
    private final ImportExecutor executor;
    private final Path workDir;

    ImportService(ImportSettings settings, ImportJobs jobs, ImportExecutor executor) {
        this.settings = settings;
        this.jobs = jobs;
        this.executor = executor;
        this.workDir = settings.workDir() != null ? settings.workDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "lianshao-imports");
        // POI's guards for every XLSX package opened in this process (imports are the only reader)
        ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.maxEntrySize().toBytes());
    }

    ImportJobs.Job start(MultipartFile file, String kindText, Uploader uploader) {
        ImportKind kind = ImportKind.parse(kindText).orElseThrow(() -> {
            List<String> slugs = ImportKind.values().stream().map(ImportKind::slug).toList();
            return ValidationFailed.of("kind", "导入类型无效，应为 " + String.join("、", slugs) + " 之一"
                    + " / kind must be one of " + String.join(", ", slugs));
        });
        if (!uploader.mayImport(kind)) {
            throw new Forbidden("当前身份无权导入" + Layouts.title(kind) + "数据：" + kind.slug() + " / not allowed to import " + kind.slug());
        }
        if (file == null || file.isEmpty()) {
            throw ValidationFailed.of("file", "请选择要上传的文件 / no file uploaded");
        }
        long limit = settings.maxFileSize().toBytes();
        if (file.getSize() > limit) {
            throw new BodyTooLarge("文件超过 " + settings.maxFileSize().toMegabytes() + " MB 上限 / the file exceeds the limit of "
                    + settings.maxFileSize().toMegabytes() + " MB");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : Path.of(file.getOriginalFilename().replace('\\', '/')).getFileName().toString();
        String format = format(name);
        Path stored = store(file);
        try {
            check(stored, format);
        } catch (RuntimeException e) {
            delete(stored);
            throw e;
        }
        String id = Ids.newId();
        String source = uploader.feed() ? uploader.name() : settings.userSource();
        jobs.create(id, kind, name, format, file.getSize(), source, uploader.type(), uploader.name());
        // people's ledgers: each school numbers its records on its own, so the source is qualified per organisation
        if (!executor.submit(new ImportRunner.Task(id, kind, stored, format, source, !uploader.feed(), uploader.binding()))) {
            delete(stored);
            jobs.finish(id, ImportJobs.FAILED, "导入队列已满，请稍后重试 / too many imports waiting: retry later");
            throw new ServiceBusy("导入队列已满，请稍后重试 / too many imports waiting: retry later");
        }
        return jobs.find(id).orElseThrow();
    }

    private static String format(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm") || lower.endsWith(".xlam")) {
            throw ValidationFailed.of("file", "不接受启用宏的文件，请另存为 .xlsx / macro-enabled files are refused: save as .xlsx");
        }
        if (lower.endsWith(".xls")) {
            throw ValidationFailed.of("file", "不支持旧版 .xls 格式，请另存为 .xlsx / legacy .xls is not supported: save as .xlsx");
        }
        if (lower.endsWith(".xlsx")) {
            return "XLSX";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return "CSV";
        }
        throw ValidationFailed.of("file", "只接受 .xlsx 或 .csv 文件 / only .xlsx or .csv files are accepted");
    }

    private Path store(MultipartFile file) {
        try {
            Files.createDirectories(workDir);
            Path stored = Files.createTempFile(workDir, "import-", ".upload");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, stored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content must be what the name says: a ZIP package of a workbook without macros, or text. */
    private static void check(Path file, String format) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, OLE2)) {
            throw ValidationFailed.of("file", "这是旧版 .xls 或加密的工作簿，请另存为 .xlsx / a legacy .xls or encrypted workbook: save as .xlsx");
        }
        if (format.equals("XLSX")) {
            if (!startsWith(head, ZIP)) {
                throw ValidationFailed.of("file", "文件内容不是 XLSX 工作簿 / the file is not an XLSX workbook");
            }
            boolean workbook = false;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                    if (entry.contains("vbaproject")) {
                        throw ValidationFailed.of("file", "文件含有宏，拒绝导入 / the workbook contains macros (vbaProject.bin): refused");
                    }
                    workbook |= entry.equals("xl/workbook.xml") || entry.endsWith("/workbook.xml");
                }
            } catch (ZipException e) {
                throw ValidationFailed.of("file", "文件内容不是有效的 XLSX 工作簿 / the file is not a valid XLSX workbook");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!workbook) {
                throw ValidationFailed.of("file", "文件内容不是 Excel 工作簿 / the file is not an Excel workbook");
            }
        } else {
            if (startsWith(head, ZIP)) {
                throw ValidationFailed.of("file", "文件内容不是 CSV 文本 / the file is not CSV text");
            }
            for (byte b : head) {
                if (b == 0) {
                    throw ValidationFailed.of("file", "文件内容不是 CSV 文本 / the file is not CSV text");
                }
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the folder is the system's
        }
    }
}
