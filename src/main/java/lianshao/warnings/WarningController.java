package lianshao.warnings;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.contract.Domain;
import lianshao.contract.FieldError;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/** Contract section 4: reading warnings. */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "Warnings 预警", description = "分级预警：规则、方案举措、法律依据、命中事实、建议形态")
class WarningController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Warnings warnings;

    WarningController(Warnings warnings) {
        this.warnings = warnings;
    }

    @GetMapping
    @Operation(summary = "预警列表（可筛选、分页）/ List warnings, filtered and paged")
    Warnings.Page list(
            @Parameter(description = "领域 / domain") @RequestParam(required = false) String domain,
            @Parameter(description = "形态 1–4 / form") @RequestParam(required = false) Integer form,
            @Parameter(description = "状态 / status") @RequestParam(required = false) String status,
            @Parameter(description = "机构代码 / organisation") @RequestParam(required = false) String orgCode,
            @Parameter(description = "规则编号 / rule id") @RequestParam(required = false) String ruleId,
            @Parameter(description = "预警产生日期起 / raised on or after") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "预警产生日期止 / raised on or before") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "涉及对象 / subject party id") @RequestParam(required = false) String subjectRef,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (domain != null && Domain.parse(domain).isEmpty()) {
            errors.add(new FieldError("domain", "未知领域 / unknown domain"));
        }
        if (form != null && (form < 1 || form > 4)) {
            errors.add(new FieldError("form", "形态应为 1–4 / form must be 1 to 4"));
        }
        if (status != null && java.util.Arrays.stream(WarningStatus.values()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new FieldError("status", "未知状态 / unknown status"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "不能为负数 / must not be negative"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "应为 1–" + MAX_PAGE_SIZE + " / must be 1 to " + MAX_PAGE_SIZE));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "不能早于 from / must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return warnings.list(new WarningFilter(domain, form, status, orgCode, ruleId, from, to, subjectRef), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "预警详情及处理记录 / A warning with its history")
    WarningDetail get(@PathVariable String id) {
        WarningView warning = warnings.find(id).orElseThrow(() -> new NotFound("预警不存在 / no warning " + id));
        return new WarningDetail(warning, warnings.history(id));
    }

    /** The warning's fields with its audit trail beside them. */
    record WarningDetail(@JsonUnwrapped WarningView warning, List<WarningView.Action> history) {
    }
}
