package lianshao.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person whose password an administrator chose (a new account, a reset) does nothing before replacing it: the
 * administrator knows that password, so until it is changed the account could be anyone's. The console sends
 * them to the change page; the API answers 403 naming the reason.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/password";
    /** What a person who must change the password may still reach on the console. */
    private static final List<String> OPEN = List.of(CHANGE_PAGE, "/logout", "/login", "/css/", "/js/", "/webjars/", "/error");

    private final AccountChanges changes;
    private final ProblemWriter problems;
    private final boolean api;

    MustChangePasswordFilter(AccountChanges changes, ProblemWriter problems, boolean api) {
        this.changes = changes;
        this.problems = problems;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = !api && OPEN.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
        if (open || !person(auth) || !changes.mustChangePassword(auth.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "须先更改密码 / Password change required",
                    "该账户的密码由管理员设置，须由本人在控制台（" + CHANGE_PAGE + "）更改后才能使用 / an administrator set this account's "
                            + "password: its owner must change it on the console (" + CHANGE_PAGE + ") before using the account");
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }

    private static boolean person(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof ApiKeyAuthenticationFilter.FeedAuthentication)
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
