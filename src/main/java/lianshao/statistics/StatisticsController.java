package lianshao.statistics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.warnings.AccessLog;
import lianshao.web.Forbidden;

/** Statistics by period of the act, within the caller's data scope; the export is logged like any export. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics 统计", description = "按业务发生时间统计预警：周期、分组、处置状态")
class StatisticsController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Statistics statistics;
    private final StatisticsExport export;
    private final AccessLog accessLog;
    private final CurrentUsers users;

    StatisticsController(Statistics statistics, StatisticsExport export, AccessLog accessLog, CurrentUsers users) {
        this.statistics = statistics;
        this.export = export;
        this.accessLog = accessLog;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "按业务发生期间统计预警 / Warnings counted by the period of the act")
    StatisticsReport report(
            @Parameter(description = "业务发生日期起（含），默认 12 个月前的月初 / act on or after") @RequestParam(required = false) String from,
            @Parameter(description = "业务发生日期止（含），默认今天 / act on or before") @RequestParam(required = false) String to,
            @Parameter(description = "MONTH|QUARTER|YEAR") @RequestParam(required = false) String period,
            @Parameter(description = "DOMAIN|UNIT|DISTRICT|RULE|FORM") @RequestParam(required = false) String by,
            Authentication auth) {
        CurrentUser user = me(auth);
        return statistics.count(StatisticsQuery.parse(from, to, period, by, statistics.today()), user.district());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "统计结果导出 XLSX（中文表头与名称）/ The statistics as XLSX")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, @RequestParam(required = false) String by, Authentication auth) {
        CurrentUser user = me(auth);
        StatisticsQuery query = StatisticsQuery.parse(from, to, period, by, statistics.today());
        byte[] body = export.xlsx(statistics.count(query, user.district()));
        accessLog.opened(user.username(), "EXPORT", query.describe(), "API");
        return xlsx(body);
    }

    static ResponseEntity<byte[]> xlsx(byte[] body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics.xlsx\"").body(body);
    }

    private CurrentUser me(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }
}
