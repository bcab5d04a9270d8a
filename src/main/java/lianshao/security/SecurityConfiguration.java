package lianshao.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains. The API ({@code /api/**}) is stateless: feeds send {@code X-Api-Key}, people use HTTP
 * Basic; no session cookie is created or accepted there, so CSRF does not apply; instead a person's
 * state-changing call must carry {@code X-Requested-By}, which no other site can make a browser send
 * ({@link UserWriteHeaderFilter}). Everything else is the console, with form sign-in and CSRF, and a
 * Content-Security-Policy that allows scripts and styles from the service only. Sign-in attempts
 * (form and Basic, both chains) are throttled per account and client ({@link LoginAttempts}).
 * Anonymous: health, the API description, the sign-in page.
 * A person whose password an administrator set reaches nothing but the change page until they replace it
 * ({@link MustChangePasswordFilter}; the API answers 403).
 * Ledger imports: uploaded by feeds (RECORDS scope), importers and administrators; the audit list is read by
 * administrators and auditors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Who reads the audit of every import. */
    private static final String[] IMPORT_AUDIT = {Role.ADMIN.authority(), Role.AUDITOR.authority()};
    /** The console's import page: uploaders, and those who audit imports. */
    private static final String[] IMPORT_PAGE = {Role.IMPORTER.name(), Role.ADMIN.name(), Role.AUDITOR.name()};

    private static final String[] PEOPLE = {Role.INSPECTOR.name(), Role.SUPERVISOR.name(), Role.RULE_AUTHOR.name(),
            Role.ADMIN.name(), Role.AUDITOR.name()};
    /** Who has a notification inbox: people, not feeds or importers. */
    private static final String[] INBOX = {Role.INSPECTOR.name(), Role.SUPERVISOR.name(), Role.RULE_AUTHOR.name(),
            Role.ADMIN.name(), Role.AUDITOR.name(), Role.UNIT.name()};

    /**
     * The console's policy: scripts, styles, images, fonts and fetches from the service only; no inline
     * script or style, no plugins, no framing, forms post only to the service. Server data reaches the
     * scripts as JSON islands ({@code <script type="application/json">}), which are not executed.
     */
    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";
    /**
     * The overview (dashboard) draws its charts with ECharts, whose SVG renderer and tooltips write
     * style attributes: those, and only those, are allowed there ({@code style-src-attr}); style
     * elements, scripts and everything else are as strict as on every other page. A style attribute runs
     * no script, and with images, fonts and fetches limited to the service, injected CSS could not send
     * anything out either.
     */
    static final String DASHBOARD_POLICY = CONSOLE_POLICY.replace("style-src 'self';",
            "style-src 'self'; style-src-attr 'unsafe-inline';");
    /**
     * Swagger UI (a third-party page, /swagger-ui.html and /swagger-ui/**) inserts a style element of its
     * own (the browser suite saw it blocked under the console's policy) and its stylesheet draws icons from
     * data: images; so styles may be inline and images data: there. Its scripts, like every other
     * directive, stay as strict as on the console.
     */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";
    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/swagger-ui.html"),
            PathPatternRequestMatcher.pathPattern("/swagger-ui/**"));
    private static final RequestMatcher DASHBOARD = PathPatternRequestMatcher.pathPattern("/");
    /** The API answers JSON and files, never a page: nothing may load from it as a document. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemWriter problems, LoginAttempts attempts,
            AccountChanges changes) throws Exception {
        http.securityMatcher("/api/**")
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_POLICY)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problems.write(req, res, 401,
                        "需要认证 / Authentication required", "请提供 X-Api-Key 或用户凭据 / send X-Api-Key or user credentials")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "需要认证 / Authentication required",
                                "请提供 X-Api-Key 或用户凭据 / send X-Api-Key or user credentials"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "无权访问 / Forbidden",
                                "当前身份无权执行此操作 / not allowed for this key or user")))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(attempts, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new UserWriteHeaderFilter(problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(changes, problems, true), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/records", "/api/v1/records/batch")
                        .hasAuthority(Scope.RECORDS.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/records/**").hasAnyAuthority(withRoles("FEED"))
                        .requestMatchers(HttpMethod.PUT, "/api/v1/orgs/**", "/api/v1/parties/**",
                                "/api/v1/admission-plans/**", "/api/v1/calendar/**")
                        .hasAnyAuthority(Scope.REFERENCE.authority(), Role.ADMIN.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/orgs/batch", "/api/v1/parties/batch",
                                "/api/v1/relations", "/api/v1/relations/batch", "/api/v1/admission-plans/batch",
                                "/api/v1/sanctions", "/api/v1/sanctions/batch", "/api/v1/calendar/batch")
                        .hasAnyAuthority(Scope.REFERENCE.authority(), Role.ADMIN.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports")
                        .hasAnyAuthority(Scope.RECORDS.authority(), Role.IMPORTER.authority(), Role.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports").hasAnyAuthority(IMPORT_AUDIT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/**")
                        .hasAnyAuthority(Scope.RECORDS.authority(), Role.IMPORTER.authority(), Role.ADMIN.authority(),
                                Role.AUDITOR.authority())
                        // the responsible unit's liaison reaches its tasks and nothing else; the service scopes them to its organisation
                        .requestMatchers("/api/v1/tasks", "/api/v1/tasks/**").hasRole(Role.UNIT.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/supervision").hasRole(Role.SUPERVISOR.name())
                        // applying the active rule set to stored records: a supervisor starts it; who reads rules follows it
                        .requestMatchers(HttpMethod.POST, "/api/v1/reapplications").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/reapplications", "/api/v1/reapplications/*").hasAnyRole(PEOPLE)
                        .requestMatchers("/api/v1/warnings/**", "/api/v1/warnings", "/api/v1/mutes/**", "/api/v1/mutes",
                                "/api/v1/access-log").hasAnyRole(PEOPLE)
                        .requestMatchers("/api/v1/inbox", "/api/v1/inbox/**").hasAnyRole(INBOX)
                        .requestMatchers(HttpMethod.GET, "/api/v1/search").hasAnyRole(PEOPLE)
                        // statistics by period of the act: whoever reads warnings, within their data scope
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics", "/api/v1/statistics/**").hasAnyRole(PEOPLE)
                        // rule authoring: anyone signed in reads; authors make, test and submit; another author
                        // or an administrator approves (the service refuses the maker); both may roll back
                        .requestMatchers(HttpMethod.GET, "/api/v1/rule-sets", "/api/v1/rule-sets/**").hasAnyRole(PEOPLE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rule-sets/*/approve", "/api/v1/rule-sets/*/reject",
                                "/api/v1/rule-sets/*/rollback", "/api/v1/rule-sets/rollback")
                        .hasAnyRole(Role.RULE_AUTHOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/rule-sets", "/api/v1/rule-sets/**").hasRole(Role.RULE_AUTHOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/rule-sets/**").hasRole(Role.RULE_AUTHOR.name())
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LoginAttempts attempts, ProblemWriter problems, AccountChanges changes)
            throws Exception {
        http.headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DASHBOARD,
                                new ContentSecurityPolicyHeaderWriter(DASHBOARD_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(SWAGGER_UI, DASHBOARD)),
                                new ContentSecurityPolicyHeaderWriter(CONSOLE_POLICY))))
                .addFilterBefore(new SignInThrottleFilter(attempts, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(changes, problems, false),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/login", "/css/**", "/js/**", "/webjars/**", "/error").permitAll()
                        .requestMatchers("/password").authenticated()
                        .requestMatchers("/inbox", "/inbox/**").hasAnyRole(INBOX)
                        .requestMatchers("/tasks", "/tasks/**").hasRole(Role.UNIT.name())
                        .requestMatchers("/supervision").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/reapplications").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers("/reapplications", "/reapplications/**").hasAnyRole(Role.SUPERVISOR.name(),
                                Role.RULE_AUTHOR.name(), Role.ADMIN.name())
                        .requestMatchers("/actuator/**", "/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/access-log").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/imports").hasAnyRole(Role.IMPORTER.name(), Role.ADMIN.name())
                        .requestMatchers("/imports", "/imports/**").hasAnyRole(IMPORT_PAGE)
                        .requestMatchers("/rules", "/rule-sets", "/rule-sets/**").hasAnyRole(Role.RULE_AUTHOR.name(), Role.ADMIN.name())
                        .anyRequest().hasAnyRole(PEOPLE))
                .formLogin(f -> f.loginPage("/login").successHandler(importersToImports()).permitAll())
                .httpBasic(b -> { })
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * After sign-in, people who only import land on the import page and unit liaisons on their tasks (the overview is
     * not theirs).
     */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler importersToImports() {
        var saved = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        java.util.Set<String> people = java.util.Arrays.stream(PEOPLE).map(r -> "ROLE_" + r)
                .collect(java.util.stream.Collectors.toSet());
        return (request, response, auth) -> {
            boolean person = auth.getAuthorities().stream().anyMatch(a -> people.contains(a.getAuthority()));
            if (person) {
                saved.onAuthenticationSuccess(request, response, auth);
            } else if (auth.getAuthorities().stream().anyMatch(a -> Role.UNIT.authority().equals(a.getAuthority()))) {
                // a unit liaison's console is its tasks
                response.sendRedirect(request.getContextPath() + "/tasks");
            } else {
                response.sendRedirect(request.getContextPath() + "/imports");
            }
        };
    }

    private static String[] withRoles(String... authorities) {
        String[] all = new String[authorities.length + PEOPLE.length];
        System.arraycopy(authorities, 0, all, 0, authorities.length);
        for (int i = 0; i < PEOPLE.length; i++) {
            all[authorities.length + i] = "ROLE_" + PEOPLE[i];
        }
        return all;
    }
}
