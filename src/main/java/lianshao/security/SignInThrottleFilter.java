package lianshao.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks {@link LoginAttempts} before a password is checked: a console sign-in ({@code POST /login}) or
 * a request with HTTP Basic credentials. A refused form sign-in goes back to the sign-in page with a
 * notice; a refused Basic request is answered 429 with Retry-After. Either way the password is not
 * checked, so a blocked client learns nothing by guessing on.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final ProblemWriter problems;

    SignInThrottleFilter(LoginAttempts attempts, ProblemWriter problems) {
        this.attempts = attempts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> basic = basicUsername(request);
        boolean form = basic.isEmpty() && "POST".equals(request.getMethod()) && "/login".equals(path(request));
        String username = basic.orElseGet(() -> form ? request.getParameter("username") : null);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> refusal = attempts.refusal(username, request.getRemoteAddr());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, refusal.get().toSeconds());
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(request, response, 429, "登录尝试过多 / Too many sign-in attempts",
                "此账户从本客户端登录失败次数过多，请 " + seconds + " 秒后再试 / too many failed sign-ins to this account, retry in "
                        + seconds + " s");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The user name of Basic credentials; empty when there are none or they cannot be decoded. */
    static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
