package lianshao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Json;

/**
 * Every metric that the shipped Grafana dashboard and Prometheus alerts read is exported by a running
 * service (a real Tomcat, so its thread-pool gauges exist too), after one record and one API read. A panel
 * or an alert over a metric that is never exported would show no data and never fire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "spring.datasource.url=jdbc:h2:mem:lianshao-cookies;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class DashboardMetricsTest {

    private static final String KEY = "test-key-records-and-reference";
    private static final String ADMIN = "metrics-admin";
    private static final String PASSWORD = "test-password-1";
    /** Quoted strings: label values, and the label name given to {@code count_values} or {@code label_replace}. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    /** Label matchers {@code {...}} and ranges or subqueries {@code [...]}. */
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^\\]]*]");
    /** Label lists of aggregations and vector matching: {@code by (le, uri)}, {@code on (instance)}... */
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A name not inside a number (1e3) or a Grafana variable ($instance); a name followed by "(" is a function. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    /** PromQL's own words, and Prometheus' own series ({@code up}), which no service exports. */
    private static final Set<String> NOT_EXPORTED = Set.of("up", "and", "or", "unless", "bool", "offset", "group_left",
            "group_right", "inf", "nan");

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The series a PromQL expression reads: every name that is not a function, a keyword, a label or a
     * label value, whether written with labels ({@code name{...}}), a range ({@code name[5m]}) or bare.
     */
    static Set<String> metricsUsedBy(String expression) {
        String names = STRING.matcher(expression).replaceAll(" ");
        names = MATCHERS_AND_RANGES.matcher(names).replaceAll(" ");
        names = LABEL_LISTS.matcher(names).replaceAll(" ");
        Set<String> used = new TreeSet<>();
        Matcher m = NAME.matcher(names);
        while (m.find()) {
            if (m.group(2) == null && !NOT_EXPORTED.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    /** The {@code expr:} values of an alert file, a one-line value or a block ({@code expr: |}) of deeper lines. */
    static List<String> alertExpressions(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).strip();
            if (!value.startsWith("|") && !value.startsWith(">")) {
                expressions.add(value);
                continue;
            }
            int indent = line.indexOf("expr:");
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(lines.get(++i)).append('\n');
            }
            expressions.add(block.toString());
        }
        return expressions;
    }

    @Test
    void aSeriesIsFoundWithLabelsWithARangeOrBareButNotFunctionsLabelsOrValues() {
        assertThat(metricsUsedBy("count(count_values(\"rules\", lianshao_ruleset_rules)) > 1"))
                .containsExactly("lianshao_ruleset_rules");
        assertThat(metricsUsedBy("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{application=\"lianshao\", uri=~\"/api/.*\"}[$__rate_interval]))) > 0.05"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricsUsedBy("sum(rate(a_total[5m] offset 1h)) / on (instance) group_left sum(b) unless up == 0"))
                .containsExactly("a_total", "b");
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        users.ensure(ADMIN, PASSWORD, "指标管理员", Set.of(Role.ADMIN), null);
        String org = TestRecords.unique("SCH-MET");
        assertThat(send(request("/api/v1/orgs/" + org).header("X-Api-Key", KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"指标学校\", \"type\": \"SCHOOL\", \"district\": \"清源区\"}")))
                .statusCode()).isIn(200, 201);
        assertThat(send(request("/api/v1/records").header("X-Api-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestRecords.largeInquiry(org).toString()))).statusCode()).isEqualTo(201);
        assertThat(send(request("/api/v1/warnings").header("Authorization", basic(ADMIN))).statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = send(request("/actuator/prometheus").header("Authorization", basic(ADMIN)));
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> exported = new TreeSet<>();
        scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);

        Set<String> used = new TreeSet<>();
        Json.parse(Files.readString(Path.of("docs/grafana-dashboard.json"))).findValues("expr")
                .forEach(expr -> used.addAll(metricsUsedBy(expr.asString())));
        alertExpressions(Files.readAllLines(Path.of("docs/prometheus-alerts.yml"))).forEach(expr -> used.addAll(metricsUsedBy(expr)));
        assertThat(used).as("the dashboard and the alerts read metrics").contains("http_server_requests_seconds_bucket",
                "tomcat_threads_busy_threads", "lianshao_evaluation_incomplete_total", "lianshao_ruleset_rules");
        assertThat(used.stream().filter(name -> !exported.contains(name)).toList())
                .as("metrics the dashboard or the alerts read that /actuator/prometheus does not export").isEmpty();
    }
}
