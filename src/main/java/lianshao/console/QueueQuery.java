package lianshao.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import lianshao.contract.Domain;
import lianshao.contract.FieldError;
import lianshao.warnings.WarningFilter;
import lianshao.warnings.WarningStatus;
import lianshao.web.ValidationFailed;

/**
 * The queue's filters as the form sends them (empty fields mean "any"), checked, and turned back
 * into a query string for paging and export links.
 */
record QueueQuery(String domain, Integer form, String status, String orgCode, String ruleId, String assignee,
        LocalDate from, LocalDate to, boolean overdue, WarningFilter.Sort sort, int page, int size) {

    static final int MAX_SIZE = 100;
    /** What an official works through first: the most serious form, then the nearest deadline. */
    static final WarningFilter.Sort DEFAULT_SORT = WarningFilter.Sort.FORM;
    static final List<Integer> SIZES = List.of(20, 50, 100);

    static QueueQuery parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        String domain = value(params, "domain");
        if (domain != null && Domain.parse(domain).isEmpty()) {
            errors.add(new FieldError("domain", "未知领域 / unknown domain"));
        }
        Integer form = number(params, "form", errors);
        if (form != null && (form < 1 || form > 4)) {
            errors.add(new FieldError("form", "形态应为 1–4 / form must be 1 to 4"));
        }
        String status = value(params, "status");
        if (status != null && Arrays.stream(WarningStatus.values()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new FieldError("status", "未知状态 / unknown status"));
        }
        LocalDate from = date(params, "from", errors);
        LocalDate to = date(params, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "不能早于起始日期 / must not be before from"));
        }
        WarningFilter.Sort sort = DEFAULT_SORT;
        String sortText = value(params, "sort");
        if (sortText != null) {
            try {
                sort = WarningFilter.Sort.valueOf(sortText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "未知排序 / unknown sort"));
            }
        }
        Integer page = number(params, "page", errors);
        Integer size = number(params, "size", errors);
        if (page != null && page < 0 || size != null && (size < 1 || size > MAX_SIZE)) {
            errors.add(new FieldError("page", "分页参数无效 / invalid paging"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String overdue = value(params, "overdue");
        return new QueueQuery(domain, form, status, value(params, "orgCode"), value(params, "ruleId"), value(params, "assignee"),
                from, to, "true".equals(overdue) || "on".equals(overdue), sort, page == null ? 0 : page, size == null ? 20 : size);
    }

    WarningFilter filter(String district) {
        return new WarningFilter(domain, form, status, orgCode, ruleId, from, to, null, assignee, overdue ? Boolean.TRUE : null,
                district, status != null, sort);
    }

    /** The filters (not the page) as a query string, without the leading "?". */
    String filters() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "domain", domain);
        add(b, "form", form);
        add(b, "status", status);
        add(b, "orgCode", orgCode);
        add(b, "ruleId", ruleId);
        add(b, "assignee", assignee);
        add(b, "from", from);
        add(b, "to", to);
        if (overdue) {
            b.queryParam("overdue", "true");
        }
        if (sort != DEFAULT_SORT) {
            b.queryParam("sort", sort.name());
        }
        if (size != 20) {
            b.queryParam("size", size);
        }
        String query = b.encode().build().getQuery();
        return query == null ? "" : query;
    }

    String pageUrl(int n) {
        String filters = filters();
        return "/warnings?" + (filters.isEmpty() ? "" : filters + "&") + "page=" + n;
    }

    String exportUrl() {
        String filters = filters();
        return "/warnings/export.xlsx" + (filters.isEmpty() ? "" : "?" + filters);
    }

    String selfUrl() {
        String filters = filters();
        return "/warnings" + (filters.isEmpty() ? "" : "?" + filters) + (page == 0 ? "" : (filters.isEmpty() ? "?" : "&") + "page=" + page);
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer number(Map<String, String> params, String name, List<FieldError> errors) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "应为整数 / must be a whole number"));
            return null;
        }
    }

    private static LocalDate date(Map<String, String> params, String name, List<FieldError> errors) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "应为日期，如 2026-03-02 / expected a date such as 2026-03-02"));
            return null;
        }
    }
}
