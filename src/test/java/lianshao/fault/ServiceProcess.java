package lianshao.fault;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service as a separate JVM (the compiled classes and the runtime classpath of this test run,
 * without the test classes and their configuration), on its own port, against the test's own
 * database. {@link #kill} is SIGKILL: no shutdown hook runs.
 */
final class ServiceProcess implements AutoCloseable {

    final int port;
    private final List<String> args;
    private final Path log;
    private final String key;
    private Process process;

    ServiceProcess(int port, String jdbcUrl, String feed, String key, String... extra) throws Exception {
        this.port = port;
        this.key = key;
        this.log = Files.createTempFile("lianshao-fault-service-", ".log");
        this.args = new ArrayList<>(List.of(
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=root", "--spring.datasource.password=",
                "--lianshao.demo.enabled=false", "--lianshao.security.bootstrap-feed=" + feed,
                "--lianshao.security.bootstrap-api-key=" + key,
                "--lianshao.evaluation.poll-interval=1s", "--lianshao.evaluation.pending-grace=3s",
                "--lianshao.evaluation.retry-backoff=1s", "--logging.level.org.drools=WARN", "--logging.level.org.kie=WARN"));
        this.args.addAll(Arrays.asList(extra));
    }

    static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    ServiceProcess start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), "lianshao.LianshaoApplication"));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited: " + tail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("service not healthy in time: " + tail());
    }

    /** Registers the organisations (records name registered organisations only) with the bootstrap key; idempotent. */
    ServiceProcess withOrgs(String... codes) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String code : codes) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/v1/orgs/" + code)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Api-Key", key)
                    .PUT(HttpRequest.BodyPublishers.ofString("{ \"name\": \"故障测试学校\", \"type\": \"SCHOOL\", \"district\": \"清源区\" }"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("cannot register " + code + ": " + r.statusCode() + " " + r.body());
            }
        }
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful shutdown. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (Exception e) {
            return e.toString();
        }
    }

    String fullLog() throws java.io.IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
