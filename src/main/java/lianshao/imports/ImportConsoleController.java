package lianshao.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import lianshao.contract.Domain;
import lianshao.contract.FieldError;
import lianshao.security.CurrentUsers;
import lianshao.support.OneLanguage;
import lianshao.web.BodyTooLarge;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ServiceBusy;
import lianshao.web.ValidationFailed;

/**
 * The console's import page ({@code /imports}): template downloads, the upload form, recent imports and the
 * progress of one import, which the page polls from {@code /imports/{id}/status} (the console session; the API
 * itself takes keys or HTTP Basic only).
 */
@Controller
class ImportConsoleController {

    static final String BASE = "/imports";
    private static final int RECENT = 20;

    private final ImportService service;
    private final ImportViews views;
    private final ImportJobs jobs;
    private final ReportWriter reports;
    private final MessageSource messages;
    private final CurrentUsers users;

    ImportConsoleController(ImportService service, ImportViews views, ImportJobs jobs, ReportWriter reports,
            MessageSource messages, CurrentUsers users) {
        this.users = users;
        this.service = service;
        this.views = views;
        this.jobs = jobs;
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) String id, Authentication auth, Model model) {
        Uploader uploader = Uploader.of(auth, users);
        model.addAttribute("kinds", ImportKind.values().stream().map(ImportKind::slug).toList());
        model.addAttribute("mayUpload", uploader.mayImport(ImportKind.of(Domain.values().get(0))));
        List<Map<String, Object>> recent = (uploader.seesAll() ? uploader.district() == null ? jobs.list(null, null, 0, RECENT)
                : jobs.listInDistrict(uploader.district(), 0, RECENT)
                : jobs.list(uploader.type(), uploader.name(), 0, RECENT)).stream().map(j -> views.view(j, false, BASE)).toList();
        model.addAttribute("imports", recent);
        if (id != null) {
            try {
                model.addAttribute("current", views.view(views.visible(id, uploader), true, BASE));
            } catch (NotFound e) {
                model.addAttribute("uploadError", OneLanguage.pick(e.getMessage(), LocaleContextHolder.getLocale()));
            }
        }
        return "imports";
    }

    @PostMapping(BASE)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind, Authentication auth, Model model) {
        try {
            ImportJobs.Job job = service.start(file, kind, Uploader.of(auth, users));
            return "redirect:" + BASE + "?id=" + job.id();
        } catch (ValidationFailed e) {
            return page(null, auth, withError(model, e.errors().stream().map(FieldError::message).reduce((a, b) -> a + "; " + b)
                    .orElse("")));
        } catch (BodyTooLarge | Forbidden | ServiceBusy e) {
            return page(null, auth, withError(model, e.getMessage()));
        }
    }

    @GetMapping(BASE + "/{id}/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable String id, Authentication auth) {
        return views.view(views.visible(id, Uploader.of(auth, users)), true, BASE);
    }

    @GetMapping(BASE + "/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable String id, Authentication auth) {
        ImportJobs.Job job = views.visible(id, Uploader.of(auth, users));
        return ImportController.xlsx(reports.write(job), "import-" + id + "-report.xlsx");
    }

    @GetMapping(BASE + "/templates/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        ImportKind k = ImportKind.parse(kind).orElseThrow(() -> new NotFound("没有此模板：" + kind + " / no template " + kind));
        return ImportController.xlsx(Templates.of(k), k.slug() + "-template.xlsx");
    }

    private Model withError(Model model, String message) {
        Locale locale = LocaleContextHolder.getLocale();
        String reason = OneLanguage.pick(message, locale);
        model.addAttribute("uploadError", messages.getMessage("imports.uploadFailed", new Object[] {reason}, reason, locale));
        return model;
    }
}
