package lianshao.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Reads and checks the metadata of a parsed rule, before anything is compiled: values must be plain
 * literals (compiling a metadata expression would run it).
 */
final class RuleMetadataReader {

    static final String KIND = "kind";
    static final String DERIVATION = "derivation";
    private static final List<String> REQUIRED = List.of("id", "title", "form", "clause", "basis", "departments");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern INT_LITERAL = Pattern.compile("-?\\d{1,9}");
    private static final Pattern CATALOGUE_ID = Pattern.compile("[A-Z]{2,5}-\\d{2,3}");
    private static final Pattern COMBINATION = Pattern.compile("\\s*([A-Z]{2,5}-\\d{2,3}(?:\\s*,\\s*[A-Z]{2,5}-\\d{2,3})*)\\s*:\\s*([1-3])\\s*");
    private static final Pattern MEASURE = Pattern.compile("M([1-9]|1[0-9])");

    private RuleMetadataReader() {
    }

    /** True for a derivation rule ({@code @kind("derivation")}): it classifies, it raises no warning. */
    static boolean isDerivation(RuleDescr rule) {
        AnnotationDescr kind = rule.getAnnotation(KIND);
        return kind != null && DERIVATION.equals(stripped(kind));
    }

    /**
     * The effective dates of a rule ({@code @validFrom}, {@code @validTo}, ISO dates, both inclusive);
     * null when it has none or they are unusable (then a problem is added). Call after {@link #read}.
     */
    static RuleValidity validity(String file, RuleDescr rule, List<RuleProblem> problems) {
        AnnotationDescr fromAnnotation = rule.getAnnotation("validFrom");
        AnnotationDescr toAnnotation = rule.getAnnotation("validTo");
        if (fromAnnotation == null && toAnnotation == null) {
            return null;
        }
        try {
            LocalDate from = fromAnnotation == null ? null : LocalDate.parse(stripped(fromAnnotation));
            LocalDate to = toAnnotation == null ? null : LocalDate.parse(stripped(toAnnotation));
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(problem(file, rule, "@validTo 早于 @validFrom / @validTo is before @validFrom"));
                return null;
            }
            return new RuleValidity(from, to);
        } catch (DateTimeParseException e) {
            problems.add(problem(file, rule, "@validFrom/@validTo 应为日期，如 \"2026-01-01\" / @validFrom and @validTo must be "
                    + "dates such as \"2026-01-01\""));
            return null;
        }
    }

    /** The metadata of a catalogue rule, or the problems that make it unusable. */
    static RuleMetadata read(String file, RuleDescr rule, List<RuleProblem> problems) {
        int before = problems.size();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            Object value = annotation.getValue();
            if (!(value instanceof String text) || !(STRING_LITERAL.matcher(text.trim()).matches()
                    || INT_LITERAL.matcher(text.trim()).matches())) {
                problems.add(problem(file, rule, "元数据 @" + annotation.getName()
                        + " 只能是字符串或整数字面量 / metadata value must be a plain string or integer literal"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (isDerivation(rule)) {
            return null;
        }
        for (String name : REQUIRED) {
            if (rule.getAnnotation(name) == null || stripped(rule.getAnnotation(name)).isBlank()) {
                problems.add(problem(file, rule, "缺少元数据 @" + name + " / missing metadata @" + name));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String id = stripped(rule.getAnnotation("id"));
        if (!CATALOGUE_ID.matcher(id).matches()) {
            problems.add(problem(file, rule, "@id 应为目录编号，如 PRC-01 / @id must be a catalogue id such as PRC-01"));
        }
        int form = 0;
        try {
            form = Integer.parseInt(stripped(rule.getAnnotation("form")));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (form < 1 || form > 4) {
            problems.add(problem(file, rule, "@form 应为 1–4 / @form must be 1 to 4"));
        }
        List<String> clauses = list(stripped(rule.getAnnotation("clause")));
        for (String clause : clauses) {
            if (!MEASURE.matcher(clause).matches()) {
                problems.add(problem(file, rule, "@clause 应列出方案举措 M1–M19，如 \"M9,M8\" / @clause must list plan measures M1–M19, got " + clause));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        RuleMetadata.Combination combination = null;
        AnnotationDescr combined = rule.getAnnotation("combinedWith");
        if (combined != null) {
            Matcher m = COMBINATION.matcher(stripped(combined));
            if (!m.matches()) {
                problems.add(problem(file, rule, "@combinedWith 应形如 \"TEN-05,TEN-06:2\" / @combinedWith must look like \"TEN-05,TEN-06:2\""));
                return null;
            }
            combination = new RuleMetadata.Combination(list(m.group(1)), Integer.parseInt(m.group(2)));
        }
        AnnotationDescr titleEn = rule.getAnnotation("titleEn");
        return new RuleMetadata(id, stripped(rule.getAnnotation("title")),
                titleEn == null ? null : stripped(titleEn), form, clauses,
                stripped(rule.getAnnotation("basis")), list(stripped(rule.getAnnotation("departments"))),
                combination, file, rule.getLine(), validity(file, rule, new ArrayList<>()));
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        Arrays.stream(text.split("[,，、]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return List.copyOf(items);
    }

    private static String stripped(AnnotationDescr annotation) {
        Object value = annotation.getSingleValueStripped();
        if (value == null) {
            Map<String, Object> map = annotation.getValueMap();
            value = map.isEmpty() ? "" : map.values().iterator().next();
        }
        return String.valueOf(value).trim();
    }

    private static RuleProblem problem(String file, RuleDescr rule, String message) {
        return new RuleProblem(file, rule.getLine(), rule.getColumn(), "规则 \"" + rule.getName() + "\": " + message);
    }
}
