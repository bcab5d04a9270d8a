package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's session cookie as a real container sends it: HttpOnly and SameSite=Lax always, Secure
 * when the request was secure (here: said so by a proxy the container trusts, X-Forwarded-Proto).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "spring.datasource.url=jdbc:h2:mem:lianshao-cookies;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
class SessionCookieTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }

    /** Signs in through the form and returns the Set-Cookie of the session the sign-in starts. */
    private String signIn(String forwardedProto) throws Exception {
        HttpRequest.Builder page = request("/login");
        if (forwardedProto != null) {
            page.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> login = send(page);
        String first = sessionCookie(login);
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String form = "username=cookie-user&password=test-password-1&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpRequest.Builder post = request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", first.substring(0, first.indexOf(';'))).POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedProto != null) {
            post.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> signedIn = send(post);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("locked");
        // a new session id after sign-in (no fixation), with the same attributes as the first
        String second = sessionCookie(signedIn);
        assertThat(second.substring(0, second.indexOf(';'))).isNotEqualTo(first.substring(0, first.indexOf(';')));
        assertThat(attributes(second)).isEqualTo(attributes(first));
        return second;
    }

    private static Set<String> attributes(String cookie) {
        return Set.of(cookie.substring(cookie.indexOf(';') + 1).toLowerCase(java.util.Locale.ROOT).replace(" ", "").split(";"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureWhenTheRequestIs() throws Exception {
        users.ensure("cookie-user", "test-password-1", "Cookie", Set.of(Role.INSPECTOR), null);
        Set<String> plain = attributes(signIn(null));
        assertThat(plain).contains("httponly", "samesite=lax").doesNotContain("secure");
        Set<String> tls = attributes(signIn("https"));
        assertThat(tls).contains("httponly", "samesite=lax", "secure");
    }
}
