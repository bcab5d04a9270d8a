package lianshao.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request carrying {@code X-Api-Key}; an unknown or revoked key is answered 401. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<FeedPrincipal> feed;
        try {
            feed = keys.authenticate(key.trim());
        } catch (org.springframework.dao.DataAccessException databaseDown) {
            // the key cannot be checked: the same 503 + Retry-After as the API gives, not a bare 500
            problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "服务暂不可用 / Service unavailable",
                    "数据库暂不可用，请稍后重试 / the database is unavailable, retry later");
            return;
        }
        if (feed.isEmpty()) {
            problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "无效的 API 密钥 / Invalid API key",
                    "API 密钥无效或已吊销 / the API key is unknown or revoked");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new FeedAuthentication(feed.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The authentication of a feed: authorities FEED plus one per scope. */
    static final class FeedAuthentication extends AbstractAuthenticationToken {
        private final FeedPrincipal feed;

        FeedAuthentication(FeedPrincipal feed) {
            super(authorities(feed));
            this.feed = feed;
            setAuthenticated(true);
        }

        private static List<SimpleGrantedAuthority> authorities(FeedPrincipal feed) {
            List<SimpleGrantedAuthority> list = new java.util.ArrayList<>();
            list.add(new SimpleGrantedAuthority("FEED"));
            feed.scopes().forEach(s -> list.add(new SimpleGrantedAuthority(s.authority())));
            return list;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public FeedPrincipal getPrincipal() {
            return feed;
        }
    }
}
