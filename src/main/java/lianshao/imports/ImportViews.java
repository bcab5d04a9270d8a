package lianshao.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import lianshao.support.Times;
import lianshao.web.NotFound;

/** Imports as the API and the console show them, and the access checks on them. */
@Component
class ImportViews {

    /** Errors listed with the progress; the report has them all. */
    static final int ERRORS_SHOWN = 100;

    private final ImportJobs jobs;

    ImportViews(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** The import, if it exists and this uploader may see it (else 404, revealing nothing). */
    ImportJobs.Job visible(String id, Uploader uploader) {
        return jobs.find(id).filter(job -> uploader.maySee(job, jobs::districtOfUser))
                .orElseThrow(() -> new NotFound("导入不存在：" + id + " / no import " + id));
    }

    Map<String, Object> view(ImportJobs.Job job, boolean withErrors, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("kind", ImportKind.valueOf(job.kind()).slug());
        view.put("fileName", job.fileName());
        view.put("format", job.fileFormat());
        view.put("fileSize", job.fileSize());
        view.put("source", job.source());
        view.put("uploaderType", job.uploaderType());
        view.put("uploadedBy", job.uploadedBy());
        view.put("status", job.status());
        view.put("rowsTotal", job.rowsTotal());
        view.put("rowsDone", job.rowsDone());
        view.put("accepted", job.accepted());
        view.put("rejected", job.rejected());
        view.put("created", job.created());
        view.put("revised", job.revised());
        view.put("unchanged", job.unchanged());
        view.put("errorCount", job.errorCount());
        if (job.failure() != null) {
            view.put("failure", job.failure());
        }
        view.put("createdAt", Times.offset(job.createdAt()));
        if (job.finishedAt() != null) {
            view.put("finishedAt", Times.offset(job.finishedAt()));
        }
        if (withErrors) {
            List<Map<String, Object>> errors = jobs.errors(job.id(), ERRORS_SHOWN).stream().map(ImportViews::error).toList();
            view.put("errors", errors);
        }
        view.put("statusUrl", base + "/" + job.id());
        view.put("reportUrl", base + "/" + job.id() + "/report.xlsx");
        return view;
    }

    static Map<String, Object> error(ImportJobs.RowError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("sheet", e.sheet());
        error.put("row", e.rowNo());
        error.put("column", e.column());
        error.put("field", e.field());
        if (e.externalId() != null) {
            error.put("externalId", e.externalId());
        }
        error.put("message", e.message());
        return error;
    }
}
