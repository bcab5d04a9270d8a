package lianshao.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person's state-changing API call must carry {@value #HEADER}. A browser caches HTTP Basic
 * credentials and would send them with a form another site posts to the API (a plain form post needs
 * no CORS permission); a custom header cannot be sent cross-site without a CORS preflight, which this
 * service never grants. Feeds (API keys) are not concerned: browsers do not hold their keys.
 */
class UserWriteHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    UserWriteHeaderFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || !person(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        String value = request.getHeader(HEADER);
        if (value == null || value.isBlank()) {
            problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "缺少请求头 " + HEADER + " / Missing header " + HEADER,
                    "以用户身份修改数据的 API 请求须带请求头 " + HEADER + "（如 " + HEADER + ": lianshao），以防跨站请求 / "
                            + "a state-changing API request made as a user must carry the header " + HEADER + " (e.g. "
                            + HEADER + ": lianshao) so that no other site can make it");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean person(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof ApiKeyAuthenticationFilter.FeedAuthentication)
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
