package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (Debian's headless Chromium through Selenium) against the demo city:
 * sign in, filter the queue, open a warning, assign and confirm it, and see the dashboard's charts
 * drawn. Skipped where Chromium is not installed, except in CI ({@code CI=true}), where a missing
 * browser fails the build. With {@code -Dlianshao.screenshots=docs/images} it also saves the README's
 * screenshots (1366×900).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lianshao.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:lianshao-browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class BrowserSuiteTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> CHARTS = List.of("chart-by-form", "chart-by-domain", "chart-trend", "chart-top-rules", "chart-top-orgs");

    static WebDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    lianshao.security.Users users;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "Chromium and ChromeDriver are not installed; browser suite skipped");
        profile = Files.createTempDirectory("lianshao-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic",
                "--disable-sync", "--window-size=1366,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        // the browser's console, to find Content-Security-Policy violations (see noPolicyViolations)
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        viewport(1366, 900);
    }

    /** Sizes the window so that the page itself (the screenshot) is width × height. */
    static void viewport(int width, int height) {
        browser.get("about:blank");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight;")).longValue();
        Dimension outer = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(outer.getWidth() + (int) (width - innerWidth),
                outer.getHeight() + (int) (height - innerHeight)));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * Every page a test went through kept to its Content-Security-Policy: a blocked script or style
     * would break the page only partly (or not visibly), so the browser's own report is checked.
     */
    @AfterEach
    void noPolicyViolations() {
        List<String> violations = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void swaggerUiWorksUnderItsPolicy() {
        browser.manage().deleteAllCookies();
        browser.get(url("/swagger-ui.html"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(10);
    }

    // ---- the closed loop (处置闭环) ------------------------------------------------------------

    /** Signs in with the demo password and waits for the element the person lands on. */
    void signInTo(String user, String landsOn) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh_CN"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("lianshao-demo");
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(landsOn)));
    }

    /** Fills a form's fields (name, value, ...) and submits it, waiting for the page's answer. */
    void submit(String formId, String... fields) {
        WebElement form = browser.findElement(By.id(formId));
        for (int i = 0; i < fields.length; i += 2) {
            WebElement field = form.findElement(By.name(fields[i]));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(fields[i + 1]);
            } else {
                field.clear();
                field.sendKeys(fields[i + 1]);
            }
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")),
                ExpectedConditions.presenceOfElementLocated(By.id("flash-error"))));
        assertThat(browser.findElements(By.id("flash-error"))).isEmpty();
    }

    /** A demo warning of a school not yet touched, the latest first (other tests take the first of the queue). */
    String untouchedSchoolWarning(int form) {
        String id = jdbc.sql("""
                SELECT w.id FROM warning w JOIN org o ON o.code = w.org_code
                WHERE o.type = 'SCHOOL' AND w.status = 'NEW' AND w.assignee IS NULL AND w.proposed_by IS NULL
                ORDER BY w.raised_at DESC, w.id DESC""").query(String.class).list().stream().skip(form <= 2 ? 0 : 1).findFirst()
                .orElseThrow();
        // the suggested form the walk needs, as grading would have given it
        jdbc.sql("UPDATE warning SET form = ?, highest_form = ? WHERE id = ?").params(form, form, id).update();
        return id;
    }

    @Test
    void aFormOneWarningIsDispatchedToTheSchoolReportedReturnedOnceReportedAgainSignedOffAndItsRecurrenceIsHigher() {
        // form 1, so that the recurrence, one form higher (R1) and never above the lift cap, is higher whatever the rule
        String id = untouchedSchoolWarning(1);
        String school = jdbc.sql("SELECT org_code FROM warning WHERE id = ?").param(id).query(String.class).single();
        String schoolName = jdbc.sql("SELECT name FROM org WHERE code = ?").param(school).query(String.class).single();
        String district = jdbc.sql("SELECT district FROM org WHERE code = ?").param(school).query(String.class).single();
        users.ensure("browser-unit", "lianshao-demo", "学校联络人 周实", java.util.Set.of(lianshao.security.Role.UNIT), district,
                java.util.Set.of(school));

        signIn("inspector");
        browser.get(url("/warnings/" + id));
        submit("action-CONFIRM", "form", "1", "comment", "经核查属实，交学校整改");
        assertThat(status()).isEqualTo("CONFIRMED");
        assertThat(browser.findElements(By.id("action-HAND_OVER"))).isEmpty();
        submit("action-DISPATCH", "unitOrg", school, "responsiblePerson", "王校长", "workingDays", "10");
        assertThat(status()).isEqualTo("RECTIFYING");
        assertThat(browser.findElement(By.id("disposal-unit")).getText()).isEqualTo(schoolName);
        assertThat(browser.findElement(By.id("disposal-person")).getText()).isEqualTo("王校长");
        assertThat(browser.findElement(By.id("disposal-priority")).getText()).isEqualTo("正常");

        // the school's liaison lands on its tasks and sees no other part of the console
        signInTo("browser-unit", "tasks");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        assertThat(browser.findElements(By.id("nav-warnings"))).isEmpty();
        WebElement row = browser.findElement(By.cssSelector("#tasks tr[data-id='" + id + "']"));
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("整改中");
        row.findElement(By.cssSelector("a.open-task")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("task-reply")));
        submit("task-reply", "explanation", "已组织自查自纠", "report", "已按规定重新组织公开招标，相关人员已作检讨。");
        assertThat(browser.findElement(By.id("task-status")).getText()).isEqualTo("已报告");
        assertThat(browser.findElements(By.id("task-reply"))).isEmpty();

        signIn("inspector");
        browser.get(url("/warnings/" + id));
        assertThat(browser.findElement(By.id("disposal-report")).getText()).contains("重新组织公开招标");
        submit("action-RETURN", "reason", "整改报告缺少招标文件佐证", "workingDays", "5");
        assertThat(status()).isEqualTo("RETURNED");

        signInTo("browser-unit", "tasks");
        browser.get(url("/tasks/" + id));
        assertThat(browser.findElement(By.id("task-return-reason")).getText()).isEqualTo("整改报告缺少招标文件佐证");
        // the missing evidence: a real PDF chosen in the file input
        Path evidence = tenderNotice();
        browser.findElement(By.id("task-upload-file")).sendKeys(evidence.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#task-upload button[type=submit]")).click();
        waiting().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")),
                ExpectedConditions.presenceOfElementLocated(By.id("flash-error"))));
        assertThat(browser.findElements(By.id("flash-error"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#task-attachments a.attachment-link")).getText()).isEqualTo("tender-notice.pdf");
        submit("task-reply", "explanation", "补充说明", "report", "已补充招标公告与中标通知书。");
        assertThat(browser.findElement(By.id("task-status")).getText()).isEqualTo("已报告");

        signIn("inspector");
        browser.get(url("/warnings/" + id));
        WebElement file = browser.findElement(By.cssSelector("#disposal-attachments tr.attachment"));
        assertThat(file.findElement(By.cssSelector("a.attachment-link")).getText()).isEqualTo("tender-notice.pdf");
        assertThat(file.getText()).contains("PDF");
        submit("action-ACCEPT", "comment", "整改到位");
        assertThat(status()).isEqualTo("RECTIFIED");
        assertThat(browser.findElement(By.id("warning-status")).getText()).isEqualTo("已整改销号");
        assertThat(browser.findElement(By.id("history")).getText()).contains("整改报告缺少招标文件佐证");
        int earlierForm = formShown();
        assertThat(earlierForm).isEqualTo(1);

        // the same record again from the feed, after the sign-off: the rectification did not hold (R1)
        String recurrence = postedAgain(id);
        browser.get(url("/warnings/" + recurrence));
        assertThat(browser.findElement(By.id("warning-message")).getText()).startsWith("整改不到位");
        assertThat(browser.findElement(By.id("recurrence-link")).getAttribute("href")).endsWith("/warnings/" + id);
        assertThat(formShown()).as("整改不到位 raises the form").isGreaterThan(earlierForm);
        assertThat(browser.findElement(By.id("grading")).getText()).contains("R1");
    }

    /** The suggested form the open warning page shows, as its number. */
    int formShown() {
        String shown = browser.findElement(By.id("warning-form")).getText();
        List<String> names = List.of("第一种形态", "第二种形态", "第三种形态", "第四种形态");
        assertThat(names).contains(shown);
        return names.indexOf(shown) + 1;
    }

    /** Posts a copy of the warning's record under a new external id as the test feed, and answers the warning it raised again. */
    String postedAgain(String warningId) {
        String envelope = jdbc.sql("""
                SELECT r.envelope FROM record_revision r JOIN warning w ON w.record_id = r.record_id
                WHERE w.id = ? ORDER BY r.revision DESC""").param(warningId).query(String.class).list().get(0);
        tools.jackson.databind.node.ObjectNode again = (tools.jackson.databind.node.ObjectNode) lianshao.support.Json.parse(envelope);
        again.put("source", "test-feed");
        again.put("externalId", "BROWSER-AGAIN-" + warningId);
        try {
            java.net.http.HttpResponse<String> posted = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/records")))
                            .header("X-Api-Key", "test-key-records-and-reference").header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(again.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return jdbc.sql("SELECT id FROM warning WHERE recurrence_of = ?").param(warningId).query(String.class).single();
    }

    /**
     * The demo supervisor opens 存量应用 from the navigation, applies the active rule set to a period and a domain, and
     * the run appears with its progress bar, which ends done (a period without stored records, so that the demo's
     * warnings, which the other walks pick from, stay as they are).
     */
    @Test
    void aSupervisorAppliesTheRuleSetToAPeriodOfStoredRecordsAndSeesTheRunEnd() {
        signIn("supervisor");
        browser.findElement(By.id("nav-reapplications")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reapply-form")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2035-01-01'; arguments[1].value = '2035-01-31';",
                browser.findElement(By.id("reapply-from")), browser.findElement(By.id("reapply-to")));
        browser.findElement(By.id("reapply-domain-ADMISSION")).click();
        browser.findElement(By.id("reapply-start")).click();
        waiting().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")),
                ExpectedConditions.presenceOfElementLocated(By.id("flash-error"))));
        assertThat(browser.findElements(By.id("flash-error"))).isEmpty();
        WebElement run = browser.findElement(By.cssSelector("#reapply-runs tbody tr"));
        assertThat(run.getText()).contains("2035-01-01 – 2035-01-31").contains("招生");
        waiting().until(d -> "DONE".equals(run.findElement(By.cssSelector(".reapply-progress")).getAttribute("data-status")));
        assertThat(run.findElement(By.cssSelector(".progress-text")).getText()).contains("已完成");
        assertThat(run.findElement(By.tagName("progress"))).isNotNull();
    }

    /** A one-page PDF made for the walk, as a unit would scan its tender notice. */
    static Path tenderNotice() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            Path file = Files.createTempDirectory("lianshao-evidence").resolve("tender-notice.pdf");
            document.save(file.toFile());
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFormFourWarningIsHandedOverWithASecondSupervisorsApprovalAndItsReferralLetterOpens() {
        String id = untouchedSchoolWarning(4);

        signIn("inspector");
        browser.get(url("/warnings/" + id));
        submit("action-CONFIRM", "form", "4", "comment", "情节严重，建议移交");
        assertThat(browser.findElement(By.id("proposal")).getAttribute("data-proposed")).isEqualTo("CONFIRM");

        signIn("supervisor");
        browser.get(url("/warnings/" + id));
        submit("action-APPROVE", "comment", "同意");
        assertThat(status()).isEqualTo("CONFIRMED");

        signIn("inspector");
        browser.get(url("/warnings/" + id));
        assertThat(browser.findElements(By.id("action-DISPATCH"))).isEmpty();
        submit("action-HAND_OVER", "target", "COMMISSION", "comment", "移交纪委监委");
        assertThat(status()).isEqualTo("CONFIRMED");
        assertThat(browser.findElement(By.id("proposal-what")).getText()).contains("纪委监委");
        // the proposer cannot approve their own proposal
        assertThat(browser.findElements(By.id("action-APPROVE"))).isEmpty();

        // the supervisor finds it among the handovers awaiting approval
        signIn("supervisor");
        browser.get(url("/supervision"));
        browser.findElement(By.cssSelector("#supervision-handovers tr[data-id='" + id + "'] a.open-warning")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("action-APPROVE")));
        submit("action-APPROVE", "comment", "同意移交");
        assertThat(status()).isEqualTo("HANDED_OVER");
        String number = browser.findElement(By.id("referral-no")).getText();
        assertThat(number).matches("廉移〔\\d{4}〕\\d{4}号");
        assertThat(browser.findElement(By.id("referral-target")).getText()).isEqualTo("纪委监委");
        assertThat(browser.findElements(By.id("action-DISPATCH"))).isEmpty();

        browser.get(browser.findElement(By.id("referral-letter")).getAttribute("href"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("问题线索移交函");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(number).contains(id).contains("纪委监委：");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh_CN"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("lianshao-demo");
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("chart-by-form")));
    }

    @Test
    void anInspectorFiltersTheQueueOpensAWarningAssignsAndConfirmsItAndSeesTheCharts() throws IOException {
        signIn("inspector");

        browser.get(url("/warnings"));
        new Select(browser.findElement(By.id("filter-form"))).selectByValue("2");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("NEW");
        browser.findElement(By.id("apply-filters")).click();
        waiting().until(ExpectedConditions.urlContains("form=2"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td.form")).getText()).isEqualTo("第二种形态"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains("*");

        rows.get(0).findElement(By.cssSelector("a.open-warning")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("warning-status")));
        assertThat(status()).isEqualTo("NEW");
        String warningUrl = browser.getCurrentUrl();

        WebElement assign = browser.findElement(By.id("action-ASSIGN"));
        new Select(assign.findElement(By.name("assignee"))).selectByValue("inspector");
        assign.findElement(By.cssSelector("button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        assertThat(status()).isEqualTo("ASSIGNED");
        assertThat(browser.findElement(By.id("warning-assignee")).getText()).isEqualTo("纪检员 王清");

        WebElement confirm = browser.findElement(By.id("action-CONFIRM"));
        new Select(confirm.findElement(By.name("form"))).selectByValue("2");
        confirm.findElement(By.name("comment")).sendKeys("经核查属实");
        confirm.findElement(By.cssSelector("button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        assertThat(status()).isEqualTo("CONFIRMED");
        assertThat(browser.findElement(By.id("warning-decided")).getText()).isEqualTo("第二种形态");
        assertThat(browser.findElement(By.id("history")).getText()).contains("经核查属实");
        assertThat(browser.getCurrentUrl()).isEqualTo(warningUrl);

        browser.get(url("/"));
        for (String chart : CHARTS) {
            waiting().until(d -> !d.findElements(By.cssSelector("#" + chart + " svg, #" + chart + " canvas")).isEmpty());
        }
        assertThat(browser.findElement(By.id("chart-by-form")).getText()).isNotBlank();

        screenshots();
    }

    @Test
    void anInspectorOpensTheStatisticsFromTheNavigationAndSeesTheTablesAndBars() {
        signIn("inspector");
        browser.findElement(By.id("nav-statistics")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("stats-filters")));
        // the demo city's acts, whatever year they lie in: yearly, by form, from well before them
        WebElement filters = browser.findElement(By.id("stats-filters"));
        WebElement from = filters.findElement(By.name("from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2020-01-01';", from);
        new Select(filters.findElement(By.name("period"))).selectByValue("YEAR");
        new Select(filters.findElement(By.name("by"))).selectByValue("FORM");
        filters.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("by=FORM"));

        List<WebElement> rows = browser.findElements(By.cssSelector("#stats-keys tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td")).getText()).matches("第[一二三四]种形态"));
        assertThat(browser.findElements(By.cssSelector("#stats-rows tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-keys rect"))).isNotEmpty();
        assertThat(Long.parseLong(browser.findElement(By.id("stats-total")).getText())).isPositive();
    }

    @Test
    void anAuthorMakesADraftBreaksARuleAndSeesTheErrorMarkedOnItsLine() throws IOException {
        signIn("author");
        browser.get(url("/rule-sets"));
        WebElement activeRow = browser.findElement(By.cssSelector("#versions tr.active-version"));
        activeRow.findElement(By.name("comment")).sendKeys("演示：错误标记");
        activeRow.findElement(By.cssSelector("form.inline:last-of-type button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("version-files")));
        assertThat(browser.findElement(By.id("version-status")).getText()).isEqualTo("草稿");

        browser.findElement(By.linkText("procurement/PRC-01-open-tender-avoided.drl")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
        assertThat(browser.findElements(By.cssSelector(".CodeMirror .cm-keyword"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".CodeMirror .cm-meta"))).isNotEmpty();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("var cm = document.querySelector('.CodeMirror').CodeMirror;"
                + "var text = cm.getValue(); var at = text.indexOf('\\nthen\\n') + 6;"
                + "cm.setValue(text.substring(0, at) + '    System.exit(1);\\n' + text.substring(at));");
        browser.findElement(By.id("save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        browser.findElement(By.id("validate")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror .problem-marker")));
        assertThat(browser.findElement(By.id("problems")).getText()).contains("procurement/PRC-01-open-tender-avoided.drl:23:5");
        assertThat(browser.findElement(By.cssSelector(".CodeMirror .problem-note")).getText()).startsWith("23:5 ");

        String folder = System.getProperty("lianshao.screenshots");
        if (folder != null && !folder.isBlank()) {
            Files.createDirectories(Path.of(folder));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    browser.findElement(By.cssSelector(".CodeMirror .problem-note")));
            save(Path.of(folder).resolve("rule-editor.png"));
        }
    }

    @Test
    void anImporterUploadsATemplateBasedFileAndSeesTheProgressAndTheReport() throws Exception {
        Path file = filledProcurementTemplate();
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh_CN"));
        browser.findElement(By.id("username")).sendKeys("importer");
        browser.findElement(By.id("password")).sendKeys("lianshao-demo");
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));

        new Select(browser.findElement(By.id("import-kind"))).selectByValue("procurement");
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("import-status"), "已完成"));
        assertThat(browser.findElement(By.id("import-rows-done")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("import-rows-total")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("import-accepted")).getText()).isEqualTo("1");
        WebElement report = browser.findElement(By.id("import-report-link"));
        assertThat(report.isDisplayed()).isTrue();
        assertThat(report.getAttribute("href")).contains("/report.xlsx");
    }

    /** The procurement template as the service offers it, with one purchase filled in by field name (row 2). */
    private Path filledProcurementTemplate() throws Exception {
        java.net.http.HttpResponse<byte[]> template = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/imports/templates/procurement.xlsx")))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("importer:lianshao-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("externalId", "BROWSER-IMPORT-1");
        values.put("orgCode", "SCH-0101");
        values.put("occurredAt", "2026-06-01T10:00:00+08:00");
        values.put("purchaseId", "BROWSER-IMPORT-1");
        values.put("fiscalYear", 2026);
        values.put("budgetProjectCode", "DC-BROWSER-01");
        values.put("itemCategory", "A02010104");
        values.put("description", "教室多媒体设备");
        values.put("amount", 300000);
        values.put("method", "INQUIRY");
        values.put("invitedCount", 3);
        values.put("supplierRef", "ORG-SUP-01");
        values.put("approverRef", "P-0018");
        values.put("collectiveDecisionRef", "HY-2026-06");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(template.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row names = sheet.getRow(1);
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(2);
            for (org.apache.poi.ss.usermodel.Cell name : names) {
                Object value = values.get(name.getStringCellValue().trim());
                if (value instanceof Number n) {
                    row.createCell(name.getColumnIndex()).setCellValue(n.doubleValue());
                } else if (value != null) {
                    row.createCell(name.getColumnIndex()).setCellValue(value.toString());
                }
            }
            Path file = Files.createTempFile("procurement-", ".xlsx");
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        }
    }

    private String status() {
        return browser.findElement(By.id("warning-status")).getAttribute("data-status");
    }

    /** The README's pictures: the dashboard, and a warning whose grading took a step and that has related records. */
    private void screenshots() throws IOException {
        String folder = System.getProperty("lianshao.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        browser.get(url("/?lang=zh_CN"));
        for (String chart : CHARTS) {
            waiting().until(d -> !d.findElements(By.cssSelector("#" + chart + " svg")).isEmpty());
        }
        pause();
        save(dir.resolve("dashboard.png"));
        browser.get(url("/warnings?ruleId=PRC-02&form=3"));
        browser.findElement(By.cssSelector("#queue a.open-warning")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("warning-status")));
        save(dir.resolve("warning-detail.png"));
    }

    private static void pause() {
        try {
            Thread.sleep(1500); // let the charts' entry animation finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void save(Path target) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
