package lianshao.imports;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUsers;
import lianshao.web.NotFound;

/** Ledger imports over the API: templates, uploads, progress, the row-level report and the audit list. */
@RestController
@RequestMapping(ImportController.BASE)
@Tag(name = "Imports 台账导入", description = "以 Excel/CSV 台账批量导入记录和参考数据，逐行校验")
class ImportController {

    static final String BASE = "/api/v1/imports";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService service;
    private final ImportViews views;
    private final ImportJobs jobs;
    private final ReportWriter reports;
    private final CurrentUsers users;

    ImportController(ImportService service, ImportViews views, ImportJobs jobs, ReportWriter reports, CurrentUsers users) {
        this.users = users;
        this.service = service;
        this.views = views;
        this.jobs = jobs;
        this.reports = reports;
    }

    @GetMapping("/templates/{kind}.xlsx")
    @Operation(summary = "下载导入模板 / The XLSX template of an import kind")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        ImportKind k = ImportKind.parse(kind).orElseThrow(() -> new NotFound("没有此模板：" + kind + " / no template " + kind));
        return xlsx(Templates.of(k), k.slug() + "-template.xlsx");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传台账（XLSX 或 CSV），后台逐行处理，立即返回 202 / Upload a ledger; processed in the background")
    ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind, Authentication auth) {
        ImportJobs.Job job = service.start(file, kind, Uploader.of(auth, users));
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + job.id())).body(views.view(job, false, BASE));
    }

    @GetMapping
    @Operation(summary = "导入审计：全部导入（谁、何时、文件、计数）/ Audit of all imports")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication auth) {
        int p = Math.max(0, page);
        int s = Math.min(200, Math.max(1, size));
        String district = Uploader.of(auth, users).district();
        List<Map<String, Object>> items = (district == null ? jobs.list(null, null, p, s) : jobs.listInDistrict(district, p, s))
                .stream().map(j -> views.view(j, false, BASE)).toList();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("items", items);
        reply.put("page", p);
        reply.put("size", s);
        reply.put("total", district == null ? jobs.count(null, null) : jobs.countInDistrict(district));
        return reply;
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入进度与目前的错误 / Progress of an import and its errors so far")
    Map<String, Object> status(@PathVariable String id, Authentication auth) {
        return views.view(views.visible(id, Uploader.of(auth, users)), true, BASE);
    }

    @GetMapping("/{id}/report.xlsx")
    @Operation(summary = "逐行报告（XLSX）/ The row-level report")
    ResponseEntity<byte[]> report(@PathVariable String id, Authentication auth) {
        ImportJobs.Job job = views.visible(id, Uploader.of(auth, users));
        return xlsx(reports.write(job), "import-" + id + "-report.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }
}
