package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;

import lianshao.facts.Relation;
import lianshao.rules.RuleSetStatus;
import lianshao.security.AccountChanges;
import lianshao.security.Role;
import lianshao.security.Scope;
import lianshao.warnings.DismissReason;
import lianshao.warnings.ReviewAction;
import lianshao.warnings.WarningFilter;
import lianshao.warnings.WarningStatus;

/**
 * Fails the build when a template shows text that does not come from the message files, when a key
 * used by a template or by the console's code is missing in one of the two languages, or when the
 * Chinese and English files differ in keys or placeholders.
 */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path CONSOLE_CODE = Path.of("src/main/java/lianshao/console");
    private static final Pattern DISPLAY = Pattern.compile("\\p{L}");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label");
    /** Attributes whose presence replaces the element's body (or the element), so its body is only a placeholder. */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern DYNAMIC_PREFIX = Pattern.compile("(?:#\\{|msgOrNull\\(|msg\\()'([A-Za-z0-9_.]+\\.)'\\s*\\+");
    private static final Pattern CODE_KEY = Pattern.compile("\\btext\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    private static final Pattern CODE_PREFIX = Pattern.compile("\\btext\\(\\s*\"([A-Za-z0-9_.]+\\.)\"\\s*\\+");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** Keys built at run time from a prefix and a value: every value the prefix can take. */
    private static final Map<String, List<String>> FAMILIES = families();
    /** Families the domains' declarations answer (web/DomainLabelMessages), not the properties files. */
    private static final Set<String> DECLARED = Set.of("domain.");

    private static Map<String, List<String>> families() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("form.", List.of("1", "2", "3", "4"));
        f.put("status.", names(WarningStatus.values()));
        f.put("sort.", names(WarningFilter.Sort.values()));
        // the domains' import kinds are named by their declarations; parties and relations here
        f.put("imports.kind.", List.of("parties", "relations"));
        List<String> actions = new ArrayList<>(names(ReviewAction.values()));
        actions.addAll(List.of("PROPOSE_CONFIRM", "RAISED", "MUTED", "REEVALUATED", "NO_LONGER_HITS"));
        f.put("action.", actions);
        f.put("dismiss.", names(DismissReason.values()));
        f.put("role.", names(Role.values()));
        f.put("thresholds.type.", names(lianshao.authoring.ThresholdFields.Type.values()));
        f.put("scope.", names(Scope.values()));
        f.put("admin.changes.kind.", names(AccountChanges.Kind.values()));
        f.put("admin.changes.status.", names(AccountChanges.Status.values()));
        f.put("imports.status.", List.of("RUNNING", "DONE", "FAILED"));
        f.put("measure.", IntStream.rangeClosed(1, RulePages.MEASURES).mapToObj(i -> "M" + i).toList());
        List<String> relations = new ArrayList<>(new TreeSet<>(Relation.KINSHIP));
        relations.addAll(new TreeSet<>(Relation.COMPANY_ROLES));
        relations.add("EMPLOYEE");
        f.put("relation.", relations);
        f.put("party.", List.of("PERSON", "ORGANISATION", "ORG"));
        f.put("accessKind.", List.of("WARNING", "PROFILE", "RECORD", "EXPORT", "DOSSIER", "TASK", "REFERRAL_LETTER", "SEARCH", "ATTACHMENT"));
        f.put("error.", List.of("400", "403", "404", "409", "500"));
        f.put("ruleSetStatus.", names(RuleSetStatus.values()));
        f.put("basisMark.", List.of("V", "S", "U"));
        f.put("diffChange.", List.of("ADDED", "REMOVED", "CHANGED"));
        f.put("backtest.status.", List.of("RUNNING", "DONE", "FAILED", "CANCELLED"));
        f.put("backtestChange.", List.of("APPEAR", "DISAPPEAR", "CHANGE"));
        f.put("stats.period.", names(lianshao.statistics.Period.values()));
        f.put("stats.by.", names(lianshao.statistics.Dimension.values()));
        f.put("stats.group.", names(lianshao.statistics.DisposalGroup.values()));
        f.put("channel.", List.of("CONSOLE", "API"));
        // the closed loop in the console
        f.put("loop.priority.", names(lianshao.warnings.WarningView.Priority.values()));
        f.put("supervision.", List.of("proposals", "handovers", "returned", "overdue", "rising"));
        f.put("timeline.", List.of("SANCTION", "SUBJECT", "COUNTERPARTY", "OUTCOME"));
        f.put("sanctionKind.", List.of("FORM_ONE_MEASURE", "PARTY_DISCIPLINE", "GOVERNMENT_SANCTION", "ORGANISATIONAL", "CRIMINAL"));
        f.put("search.group.", names(lianshao.search.SearchGroup.values()));
        return f;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholdersAndNoEmptyText() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys of messages_en.properties")
                .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
        List<String> problems = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            if (zh.getProperty(key).isBlank() || en.getProperty(key, "").isBlank()) {
                problems.add(key + ": empty");
            } else if (!placeholders(zh.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                problems.add(key + ": placeholders differ");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyKeyTheTemplatesAndTheConsoleCodeUseExistsInBothLanguages() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            collect(STATIC_KEY, text, used);
            collect(DYNAMIC_PREFIX, text, prefixes);
        }
        Set<String> namespaces = new TreeSet<>();
        zh.stringPropertyNames().forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        try (Stream<Path> files = Files.walk(CONSOLE_CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                collect(CODE_KEY, code, used);
                collect(CODE_PREFIX, code, prefixes);
                Set<String> literals = new TreeSet<>();
                collect(KEY_LITERAL, code, literals);
                literals.stream().filter(l -> namespaces.contains(l.substring(0, l.indexOf('.')))).forEach(used::add);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String prefix : prefixes) {
            if (DECLARED.contains(prefix)) {
                continue;
            }
            if (!FAMILIES.containsKey(prefix)) {
                problems.add(prefix + "*: a key built at run time whose values this test does not know; add it to FAMILIES");
            } else {
                FAMILIES.get(prefix).forEach(v -> used.add(prefix + v));
            }
        }
        for (String key : used) {
            if (!zh.containsKey(key)) {
                problems.add(key + ": missing in messages.properties");
            }
            if (!en.containsKey(key)) {
                problems.add(key + ": missing in messages_en.properties");
            }
        }
        assertThat(used).as("keys found").hasSizeGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    @Test
    void templatesShowNoHardCodedText() throws IOException, ParseException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            problems.addAll(hardCodedText(template.getFileName().toString(), Files.readString(template)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsHardCodedTextAndAllowsPlaceholders() throws ParseException {
        String html = """
                <div><p th:text="#{a.b}">placeholder <b>inside</b></p>
                <p>你好</p><span title="Hint" th:title="#{a.b}"></span><img alt="logo" src="x.png">
                <input placeholder="Name"><button aria-label="关闭">×</button><p> 42 · → </p>
                <div th:replace="~{fragments :: flash}">replaced</div><script>var x = 'code';</script></div>""";
        assertThat(hardCodedText("t.html", html)).hasSize(5)
                .anyMatch(p -> p.contains("你好")).anyMatch(p -> p.contains("title=\"Hint\""))
                .anyMatch(p -> p.contains("alt=\"logo\"")).anyMatch(p -> p.contains("placeholder=\"Name\""))
                .anyMatch(p -> p.contains("aria-label=\"关闭\""));
    }

    /** Text nodes and display attributes with letters (Latin, CJK...) that no th:text replaces. */
    static List<String> hardCodedText(String name, String html) throws ParseException {
        List<String> problems = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>(); // element name, "r" if its body is replaced
        new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(html), new AbstractSimpleMarkupHandler() {

            @Override
            public void handleOpenElement(String element, Map<String, String> attributes, int line, int col) {
                attributes(element, attributes, line);
                boolean replaced = attributes != null && attributes.keySet().stream().anyMatch(REPLACING::contains);
                open.push(new String[] {element.toLowerCase(), replaced ? "r" : ""});
            }

            @Override
            public void handleStandaloneElement(String element, Map<String, String> attributes, boolean minimized, int line, int col) {
                attributes(element, attributes, line);
            }

            @Override
            public void handleCloseElement(String element, int line, int col) {
                String lower = element.toLowerCase();
                if (open.stream().anyMatch(e -> e[0].equals(lower))) {
                    while (!open.isEmpty() && !open.pop()[0].equals(lower)) {
                        // pops elements left open
                    }
                }
            }

            @Override
            public void handleText(char[] buffer, int offset, int len, int line, int col) {
                String text = new String(buffer, offset, len);
                boolean placeholder = open.stream().anyMatch(e -> "r".equals(e[1]) || e[0].equals("script") || e[0].equals("style"));
                if (!placeholder && DISPLAY.matcher(text).find()) {
                    problems.add(name + ":" + line + ": text \"" + text.strip() + "\"");
                }
            }

            private void attributes(String element, Map<String, String> attributes, int line) {
                if (attributes == null) {
                    return;
                }
                attributes.forEach((attribute, value) -> {
                    String a = attribute.toLowerCase();
                    boolean shown = TEXT_ATTRIBUTES.contains(a)
                            || a.equals("value") && element.equalsIgnoreCase("input")
                                    && Set.of("submit", "button", "reset").contains(String.valueOf(attributes.get("type")).toLowerCase());
                    if (shown && value != null && DISPLAY.matcher(value).find()) {
                        problems.add(name + ":" + line + ": attribute " + a + "=\"" + value + "\"");
                    }
                });
            }
        });
        return problems;
    }
}
