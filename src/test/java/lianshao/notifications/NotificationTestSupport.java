package lianshao.notifications;

import static lianshao.TestRecords.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The service with its notification channels switched on against real servers the tests start: an SMTP server
 * (GreenMail) and an HTTP server (the JDK's) receiving the webhook; and a clock the tests set.
 */
@Import(NotificationTestSupport.TestClock.class)
abstract class NotificationTestSupport extends ApiTestSupport {

    static final String SECRET = "test-webhook-secret-0123456789";
    static final String WEST = "测试西区";
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final HttpServer RECEIVER = receiver();
    /** Every webhook post received: its headers of interest and body. */
    static final List<Received> POSTS = new CopyOnWriteArrayList<>();
    /** Per warning id: how many of its next posts the receiver answers with 500. */
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    record Received(String signature, String timestamp, byte[] body) {
    }

    static {
        SMTP.start();
    }

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2031-03-03T01:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("lianshao.notifications.console-url", () -> "https://lianshao.example.test/");
        registry.add("lianshao.notifications.webhook.url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hooks/lianshao");
        registry.add("lianshao.notifications.webhook.secret", () -> SECRET);
        registry.add("lianshao.notifications.webhook.max-attempts", () -> "3");
        registry.add("lianshao.notifications.webhook.first-backoff", () -> "1m");
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks/lianshao", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                POSTS.add(new Received(exchange.getRequestHeaders().getFirst("X-Lianshao-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Lianshao-Timestamp"), body));
                String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                int status = FAILURES.entrySet().stream().filter(e -> text.contains(e.getKey()))
                        .anyMatch(e -> e.getValue().getAndDecrement() > 0) ? 500 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    Users users;

    String person(String prefix, String district, Role... roles) {
        String name = unique(prefix);
        users.ensure(name, PASSWORD, "测试" + prefix, Set.of(roles), district);
        return name;
    }

    void mailSettings(String username, String email, String mode) throws Exception {
        mvc.perform(put("/api/v1/inbox/settings").with(signedIn(username)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"" + email + "\", \"mailMode\": \"" + mode + "\"}")).andExpect(status().isOk());
    }

    /** A fresh warning (PRC-01, form 2) of a school in 测试西区. */
    String newWarning() throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"" + WEST + "\" }");
        return json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
    }

    void assign(String actor, String warningId, String assignee) throws Exception {
        mvc.perform(post("/api/v1/warnings/" + warningId + "/actions").with(signedIn(actor)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"ASSIGN\", \"assignee\": \"" + assignee + "\"}")).andExpect(status().isOk());
    }

    String title(String warningId) {
        return jdbc.sql("SELECT title FROM warning WHERE id = ?").param(warningId).query(String.class).single();
    }
}
