package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every console page, as each kind of official reaches it, in Chinese and in English, in a window of 1366×768 (the
 * smallest office screen): no code where a name exists, no words of the other language, no untranslated message key and
 * no horizontal scrolling. Codes may stand in small print ({@code <small class="code">}, {@code <code>}, {@code <pre>});
 * data in the other language (a Chinese description on an English page) is marked with its {@code lang}, and titles of
 * laws and sources stand in {@code <cite>} as they are written. Shares the
 * browser and the demo city of {@link BrowserSuiteTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lianshao.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:lianshao-browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class AllPagesBrowserTest {

    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    /** The domain's and the workflow's enumerations, whose constant names must never reach running text. */
    static final List<Class<? extends Enum<?>>> ENUMS = List.of(
            lianshao.warnings.WarningStatus.class, lianshao.warnings.ReviewAction.class, lianshao.warnings.DismissReason.class,
            lianshao.warnings.HandoverTarget.class, lianshao.warnings.WarningView.Priority.class,
            lianshao.records.RecordStatus.class, lianshao.rules.RuleSetStatus.class, lianshao.grading.SupervisionForm.class,
            lianshao.security.Role.class, lianshao.security.Scope.class, lianshao.security.AccountChanges.Kind.class,
            lianshao.security.AccountChanges.Status.class, lianshao.notifications.NotificationKind.class,
            lianshao.statistics.DisposalGroup.class, lianshao.statistics.Period.class,
            lianshao.statistics.Dimension.class, lianshao.search.SearchGroup.class, lianshao.contract.ReferenceKind.class,
            lianshao.warnings.SystemWarnings.Reason.class);

    /** Words a Chinese page may use as they are: acronyms and names of formats and products. */
    static final Set<String> LATIN_ALLOWED = Set.of("API", "Key", "PDF", "DRL", "XLSX", "Excel", "ID", "JSON", "CSV", "SHA",
            "HTTP", "HTTPS", "URL", "Drools", "OpenAPI", "Swagger", "KB", "MB", "Webhook", "IP", "PNG", "JPEG", "Office", "GBK",
            "UTF");

    /**
     * Findings left on purpose: page path (a regular expression), language ("" for both), the kind of finding, and why.
     * Keep this short.
     */
    static final List<String[]> ALLOWED_FINDINGS = List.of(
            // the thresholds editor labels each threshold with its comment in rules/thresholds.properties, as the rule
            // authors wrote it (in both languages, quoting contract codes); the file is the rule set's source
            new String[] {"/rule-sets/\\d+/edit\\?file=thresholds\\.properties", "", "code in running text", "source comments"},
            new String[] {"/rule-sets/\\d+/edit\\?file=thresholds\\.properties", "", "on the Chinese page", "source comments"},
            new String[] {"/rule-sets/\\d+/edit\\?file=thresholds\\.properties", "", "on the English page", "source comments"});

    /** Text a person reads: the rendered text nodes and the options of lists, without small print and code. */
    static final String RUNNING_TEXT = """
            const skip = 'script, style, pre, code, small.code, .code-small, textarea, .CodeMirror, noscript, svg';
            const other = arguments[0];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const all = [], own = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const p = n.parentElement;
              if (!p || p.closest(skip)) continue;
              if (p.getClientRects().length === 0 && !p.closest('select')) continue;
              const t = n.nodeValue.trim();
              if (!t) continue;
              all.push(t);
              const marked = p.closest('[lang]');
              // text marked as in the other language, and titles of works cited (laws, sources), are read as they are written
              if (!(marked && marked !== document.documentElement && marked.lang.toLowerCase().startsWith(other))
                  && !p.closest('cite')) own.push(t);
            }
            document.querySelectorAll('input[placeholder]').forEach(i => { all.push(i.placeholder); own.push(i.placeholder); });
            return [all.join(' \\u2502 '), own.join(' \\u2502 ')];
            """;

    static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s<>\"]+_[A-Za-z_]+\\?\\?");
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff01-\\uff5e]+");
    /** Two letters or more: single capitals are marks ([V] verified, [S] local standard) rather than words. */
    static final Pattern LATIN_WORD = Pattern.compile("(?<![\\w./@-])[A-Za-z][A-Za-z'’]+(?![\\w/@-])");
    /** Rule ids, rule files and folders, document numbers (廉移〔2026〕0001号) and the like: codes by their shape, in either language. */
    static final Pattern CODE_SHAPED = Pattern.compile("[A-Za-z]+-\\d[\\w-]*|[\\w-]+(/[\\w.-]*)+|[\\w-]+\\.(drl|xlsx|pdf|csv|json|yml|properties)"
            + "|[\\w.+-]+@[\\w.-]+|https?://\\S+|\\p{IsHan}+〔\\d{4}〕\\d+号");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        BrowserSuiteTest.startBrowser();
        BrowserSuiteTest.viewport(WIDTH, HEIGHT);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        BrowserSuiteTest.stopBrowser();
        BrowserSuiteTest.browser = null;
        BrowserSuiteTest.profile = null;
    }

    @Test
    void everyPageReadsInItsOwnLanguageWithNamesInsteadOfCodesAndFitsTheWindow() {
        Vocabulary words = vocabulary();
        List<String> findings = new ArrayList<>();
        Set<String> visited = new TreeSet<>();

        browser().manage().deleteAllCookies();
        check("/login", words, findings, visited);

        signIn("inspector");
        List<String> inspectorPages = new ArrayList<>(List.of("/", "/warnings", "/statistics", "/coverage", "/rules/quality",
                "/inbox", "/password", "/search?q=" + java.net.URLEncoder.encode(firstOrgName(), java.nio.charset.StandardCharsets.UTF_8)));
        // one warning of every state, so that each part of the warning page (disposal, referral, recurrence) shows
        List<String> warnings = jdbc.sql("SELECT MIN(id) FROM warning GROUP BY status ORDER BY MIN(id)").query(String.class).list();
        warnings.forEach(id -> inspectorPages.add("/warnings/" + id));
        jdbc.sql("SELECT id FROM warning WHERE status IN ('HANDED_OVER', 'CONCLUDED') ORDER BY id").query(String.class).list()
                .stream().findFirst().ifPresent(id -> inspectorPages.add("/warnings/" + id + "/referral-letter"));
        jdbc.sql("SELECT MIN(id) FROM warning WHERE recurrence_of IS NOT NULL").query(String.class).list().stream()
                .filter(java.util.Objects::nonNull).forEach(id -> inspectorPages.add("/warnings/" + id));
        for (String page : inspectorPages) {
            check(page, words, findings, visited);
        }
        // the profiles linked from the warning pages: a person and an organisation
        browser().get(url("/warnings/" + warnings.get(0)));
        Set<String> profiles = new LinkedHashSet<>();
        for (String id : warnings) {
            browser().get(url("/warnings/" + id));
            browser().findElements(By.cssSelector("a[href*='/profiles/']")).stream().map(a -> path(a.getAttribute("href")))
                    .forEach(profiles::add);
        }
        profiles.stream().filter(p -> p.startsWith("/profiles/org/")).limit(2).forEach(p -> check(p, words, findings, visited));
        profiles.stream().filter(p -> !p.startsWith("/profiles/org/")).limit(3).forEach(p -> check(p, words, findings, visited));

        signIn("supervisor");
        check("/supervision", words, findings, visited);
        check("/reapplications", words, findings, visited);

        signIn("author");
        for (String page : List.of("/rules", "/rule-sets")) {
            check(page, words, findings, visited);
        }
        // a draft of the active version: its page, its changes, the editor of a rule and of the thresholds, a backtest
        browser().get(url("/rule-sets"));
        WebElement active = browser().findElement(By.cssSelector("#versions tr.active-version"));
        check("/rule-sets/" + active.getAttribute("data-version"), words, findings, visited);
        browser().get(url("/rule-sets"));
        active = browser().findElement(By.cssSelector("#versions tr.active-version"));
        active.findElement(By.name("comment")).sendKeys("全页面检查");
        active.findElement(By.cssSelector("form.inline:last-of-type button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("version-files")));
        String draft = path(browser().getCurrentUrl());
        List<String> draftPages = new ArrayList<>(List.of(draft, draft + "/diff"));
        List<String> files = browser().findElements(By.cssSelector("#version-files a")).stream().map(a -> a.getAttribute("href"))
                .map(h -> h.substring(h.indexOf(draft))).toList();
        files.stream().filter(f -> f.contains(".drl")).findFirst().ifPresent(draftPages::add);
        files.stream().filter(f -> f.contains("thresholds")).findFirst().ifPresent(draftPages::add);
        for (String page : draftPages) {
            check(page, words, findings, visited);
        }
        browser().get(url(draftPages.get(2)));
        browser().findElement(By.id("backtest")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("backtest-progress")));
        String progress = browser().findElement(By.id("backtest-progress")).getAttribute("data-url");
        check(progress.replaceAll("/progress$", ""), words, findings, visited);

        signIn("admin");
        for (String page : List.of("/admin/users", "/admin/api-keys", "/access-log", "/imports")) {
            check(page, words, findings, visited);
        }

        signIn("auditor");
        check("/access-log", words, findings, visited);

        signIn("importer");
        check("/imports", words, findings, visited);

        signIn("unit-sch0102");
        check("/tasks", words, findings, visited);
        browser().get(url("/tasks"));
        browser().findElements(By.cssSelector("a.open-task")).stream().map(a -> path(a.getAttribute("href"))).distinct().limit(2)
                .toList().forEach(p -> check(p, words, findings, visited));

        assertThat(visited).as("pages visited").contains("/", "/warnings", "/supervision", "/rules", "/admin/users", "/tasks");
        assertThat(visited.stream().filter(p -> p.matches("/warnings/[^/]+"))).hasSizeGreaterThan(5);
        assertThat(visited.stream().filter(p -> p.matches("/profiles/.+"))).isNotEmpty();
        assertThat(visited.stream().filter(p -> p.matches("/tasks/.+"))).isNotEmpty();
        assertThat(visited.stream().filter(p -> p.matches("/rule-sets/\\d+"))).hasSize(2);
        assertThat(visited.stream().filter(p -> p.matches("/rule-sets/\\d+/(diff|edit|backtests/.+)"))).hasSize(3);
        System.out.println("Console pages checked in both languages: " + visited);
        assertThat(pageRoutes()).contains("/", "/login", "/warnings/{id}", "/imports", "/tasks/{id}", "/rule-sets/{number}/backtests/{id}");
        for (String route : pageRoutes()) {
            String pattern = route.replaceAll("\\{[^}]+}", "[^/]+");
            assertThat(visited).as("a page of %s", route).anyMatch(p -> p.matches(pattern));
        }
        assertThat(findings).as("findings on %d pages", visited.size()).isEmpty();
    }

    @Test
    void theQueueShowsFifteenWarningsAtOnceMostSeriousFirstThenByDeadlineAndCanBeSortedOtherwise() {
        signIn("inspector");
        JavascriptExecutor js = (JavascriptExecutor) browser();
        for (String lang : List.of("zh_CN", "en")) {
            browser().get(url("/warnings?lang=" + lang));
            List<WebElement> rows = browser().findElements(By.cssSelector("#queue tbody tr"));
            assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
            long height = ((Number) js.executeScript("return window.innerHeight;")).longValue();
            Number bottom = (Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom;", rows.get(14));
            assertThat(bottom.doubleValue()).as("bottom of the 15th warning, %s", lang).isLessThanOrEqualTo(height);
            assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                    .as("no sideways scrolling, %s: %s", lang, widest()).isTrue();
            for (int i = 1; i < rows.size(); i++) {
                int before = Integer.parseInt(rows.get(i - 1).getAttribute("data-form"));
                int after = Integer.parseInt(rows.get(i).getAttribute("data-form"));
                assertThat(after).as("form of row %d", i).isLessThanOrEqualTo(before);
                String dueBefore = rows.get(i - 1).getAttribute("data-due");
                String dueAfter = rows.get(i).getAttribute("data-due");
                if (after == before && !dueBefore.isEmpty() && !dueAfter.isEmpty()) {
                    assertThat(java.time.OffsetDateTime.parse(dueAfter)).as("deadline of row %d", i)
                            .isAfterOrEqualTo(java.time.OffsetDateTime.parse(dueBefore));
                }
            }
            // the subjects and the title stay in their column: cut with "…", the whole text in the tooltip
            for (WebElement cell : browser().findElements(By.cssSelector("#queue td.subjects .clip, #queue td.title .clip"))) {
                assertThat(cell.getAttribute("title")).isEqualTo(js.executeScript("return arguments[0].textContent;", cell));
                assertThat(cell.getCssValue("text-overflow")).isEqualTo("ellipsis");
                assertThat(cell.getCssValue("white-space")).isEqualTo("nowrap");
            }
        }

        new Select(browser().findElement(By.id("filter-sort"))).selectByValue("NEWEST");
        browser().findElement(By.id("apply-filters")).click();
        waiting().until(ExpectedConditions.urlContains("sort=NEWEST"));
        List<java.time.OffsetDateTime> raised = browser().findElements(By.cssSelector("#queue tbody tr")).stream()
                .map(r -> java.time.OffsetDateTime.parse(r.getAttribute("data-raised"))).toList();
        assertThat(raised).hasSizeGreaterThan(1);
        assertThat(raised).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(new Select(browser().findElement(By.id("filter-sort"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("NEWEST");
    }

    // ---- one page in both languages ------------------------------------------------------------

    void check(String page, Vocabulary words, List<String> findings, Set<String> visited) {
        visited.add(page.replaceAll("\\?.*", ""));
        for (String lang : List.of("zh_CN", "en")) {
            browser().get(url(page + (page.contains("?") ? "&" : "?") + "lang=" + lang));
            waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            // a document in one language only (the referral letter is an official letter in Chinese) says so in <html lang>
            boolean english = String.valueOf(((JavascriptExecutor) browser()).executeScript("return document.documentElement.lang;"))
                    .startsWith("en");
            String where = page + " [" + (english ? "en" : "zh") + "] ";
            if (browser().getCurrentUrl().contains("/login") && !page.startsWith("/login")) {
                findings.add(where + "was sent to the sign-in page");
                continue;
            }
            if (!browser().findElements(By.id("error-status")).isEmpty()) {
                findings.add(where + "answered with the error page " + browser().findElement(By.id("error-status")).getText());
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) ((JavascriptExecutor) browser()).executeScript(RUNNING_TEXT, english ? "zh" : "en");
            String all = texts.get(0);
            String own = texts.get(1);
            String html = browser().getPageSource();

            Matcher missing = MISSING_KEY.matcher(html);
            while (missing.find()) {
                report(findings, page, lang, "untranslated key " + missing.group());
            }
            for (String code : words.codesIn(all)) {
                report(findings, page, lang, "code in running text: " + code);
            }
            String prose = words.withoutNames(CODE_SHAPED.matcher(words.withoutCodes(own)).replaceAll(" "));
            if (english) {
                Matcher cjk = CJK.matcher(prose);
                while (cjk.find()) {
                    report(findings, page, lang, "Chinese on the English page: " + around(prose, cjk.start(), cjk.end()));
                }
            } else {
                Matcher latin = LATIN_WORD.matcher(prose);
                while (latin.find()) {
                    if (!LATIN_ALLOWED.contains(latin.group())) {
                        report(findings, page, lang, "English on the Chinese page: " + around(prose, latin.start(), latin.end()));
                    }
                }
            }
            long scrollWidth = ((Number) ((JavascriptExecutor) browser()).executeScript(
                    "return document.documentElement.scrollWidth;")).longValue();
            long clientWidth = ((Number) ((JavascriptExecutor) browser()).executeScript(
                    "return document.documentElement.clientWidth;")).longValue();
            if (scrollWidth > clientWidth) {
                report(findings, page, lang, "scrolls sideways: " + scrollWidth + " > " + clientWidth + " " + widest());
            }
        }
    }

    static void report(List<String> findings, String page, String lang, String finding) {
        boolean allowed = ALLOWED_FINDINGS.stream().anyMatch(a -> page.matches(a[0]) && lang.startsWith(a[1]) && finding.contains(a[2]));
        String line = page + " [" + lang + "] " + finding;
        if (!allowed && !findings.contains(line)) {
            findings.add(line);
        }
    }

    /** The element that sticks out furthest to the right, to say what makes a page scroll. */
    static String widest() {
        return String.valueOf(((JavascriptExecutor) browser()).executeScript("""
                let worst = null, right = document.documentElement.clientWidth;
                document.querySelectorAll('body *').forEach(e => {
                  const r = e.getBoundingClientRect().right;
                  if (r > right + 0.5) { right = r; worst = e; }
                });
                return worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '')
                    + (worst.className && worst.className.baseVal === undefined ? '.' + String(worst.className).split(' ').join('.') : '')
                    + ' to ' + Math.round(right) : '';
                """));
    }

    static String around(String text, int start, int end) {
        return "«" + text.substring(start, end) + "» in «" + text.substring(Math.max(0, start - 25), Math.min(text.length(), end + 25))
                .replace('\n', ' ') + "»";
    }

    // ---- what a page may and may not show --------------------------------------------------------

    /** The codes that must not stand in running text, and the names that may stand in either language. */
    record Vocabulary(Pattern codes, Pattern names) {

        List<String> codesIn(String text) {
            List<String> found = new ArrayList<>();
            Matcher m = codes.matcher(text);
            while (m.find()) {
                found.add(around(text, m.start(), m.end()));
            }
            return found;
        }

        String withoutCodes(String text) {
            return codes.matcher(text).replaceAll(" ");
        }

        String withoutNames(String text) {
            return names.matcher(text).replaceAll(" ");
        }
    }

    Vocabulary vocabulary() {
        Set<String> codes = new TreeSet<>(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (Class<? extends Enum<?>> type : ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                // FIRST, SECOND, ... of the four forms and one-letter codes are words too short to tell from prose
                if (constant.name().length() > 2) {
                    codes.add(constant.name());
                }
            }
        }
        // the declared domains and import kinds
        lianshao.contract.Domain.values().forEach(d -> codes.add(d.name()));
        lianshao.imports.ImportKind.values().forEach(k -> codes.add(k.name()));
        // the codes of the contract's fields (INQUIRY, OPEN_TENDER, IN_LAW, ...), which the record tables show by their labels
        Stream<lianshao.contract.FieldDescription> fields = lianshao.contract.ContractSchemas.allFields().stream();
        fields.flatMap(f -> Stream.concat(Stream.of(f), f.itemFields().stream())).flatMap(f -> f.enumValues().stream())
                .filter(v -> v.length() > 2).forEach(codes::add);
        codes.addAll(jdbc.sql("SELECT code FROM org").query(String.class).list());
        codes.addAll(jdbc.sql("SELECT id FROM party").query(String.class).list());
        Set<String> names = new TreeSet<>(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        names.addAll(jdbc.sql("SELECT name FROM org").query(String.class).list());
        names.addAll(jdbc.sql("SELECT DISTINCT district FROM org").query(String.class).list());
        names.addAll(jdbc.sql("SELECT name FROM party").query(String.class).list());
        for (String display : jdbc.sql("SELECT display_name FROM app_user").query(String.class).list()) {
            names.add(display);
            names.addAll(List.of(display.split("\\s+")));
        }
        names.removeIf(n -> n.isBlank());
        return new Vocabulary(
                Pattern.compile("(?<![\\w-])(" + codes.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\w-])"),
                // the lists show people's names masked: the surname and an asterisk
                Pattern.compile(names.stream().map(Pattern::quote).collect(Collectors.joining("|")) + "|\\p{IsHan}{1,2}\\*+"));
    }

    /** The console's pages: GET routes of the controllers that answer with a view (not a file, JSON or a redirect). */
    static Set<String> pageRoutes() {
        org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider scanner =
                new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(org.springframework.stereotype.Controller.class));
        Set<String> routes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("lianshao")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (type.isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
                continue;
            }
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                org.springframework.web.bind.annotation.GetMapping get =
                        method.getAnnotation(org.springframework.web.bind.annotation.GetMapping.class);
                if (get != null && method.getReturnType() == String.class
                        && !method.isAnnotationPresent(org.springframework.web.bind.annotation.ResponseBody.class)) {
                    Stream.concat(Stream.of(get.value()), Stream.of(get.path())).forEach(routes::add);
                }
            }
        }
        return routes;
    }

    String firstOrgName() {
        return jdbc.sql("SELECT name FROM org WHERE type = 'SCHOOL' ORDER BY code").query(String.class).list().get(0);
    }

    // ---- the browser --------------------------------------------------------------------------

    static org.openqa.selenium.WebDriver browser() {
        return BrowserSuiteTest.browser;
    }

    void signIn(String user) {
        browser().manage().deleteAllCookies();
        browser().get(url("/login?lang=zh_CN"));
        browser().findElement(By.id("username")).sendKeys(user);
        browser().findElement(By.id("password")).sendKeys("lianshao-demo");
        browser().findElement(By.id("sign-in")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String path(String href) {
        return java.net.URI.create(href).getRawPath();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser(), Duration.ofSeconds(15));
    }
}
