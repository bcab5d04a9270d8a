package lianshao.authoring;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSetRepository;
import lianshao.web.JsonBodies;
import lianshao.web.ValidationFailed;

/**
 * Rule-set versions over HTTP: list, read, create a draft, validate, test, submit, approve (maker–checker,
 * naming the active version the approver compared against), reject and roll back. Deployments run in the background; {@code ?wait=true} waits for the outcome.
 */
@RestController
@RequestMapping("/api/v1/rule-sets")
class RuleSetController {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final RuleSetLifecycle lifecycle;
    private final RuleSetRepository repository;
    private final RuleSetAudit audit;
    private final ActiveRuleSet active;
    private final JsonBodies bodies;

    RuleSetController(RuleSetLifecycle lifecycle, RuleSetRepository repository, RuleSetAudit audit, ActiveRuleSet active,
            JsonBodies bodies) {
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.audit = audit;
        this.active = active;
        this.bodies = bodies;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw ValidationFailed.of("limit", "limit 1–500, offset ≥ 0");
        }
        ActiveRuleSet.Deployment deployment = active.deployment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", Map.of("version", deployment.number(), "contentHash", deployment.ruleSet().version(),
                "generation", deployment.generation()));
        body.put("items", repository.list(limit, offset).stream()
                .map(v -> RuleSetView.of(v, deployment.number(), null, null)).toList());
        return body;
    }

    @GetMapping("/{version}")
    RuleSetView get(@PathVariable int version) {
        int activeNumber = lifecycle.activeNumber();
        Map<String, String> files = repository.files(version);
        return RuleSetView.of(lifecycle.version(version), activeNumber, files,
                FileChanges.between(repository.files(activeNumber), files), audit.of(version));
    }

    @PostMapping
    ResponseEntity<RuleSetView> create(HttpServletRequest request, Authentication user) {
        RuleSetView view = view(lifecycle.createDraft(bodies.read(request), user.getName()).number());
        return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + view.version())).body(view);
    }

    @PostMapping("/{version}/validate")
    Map<String, Object> validate(@PathVariable int version, Authentication user) {
        RuleSetChecks.Compiled compiled = lifecycle.validate(version, user.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("valid", compiled.valid());
        body.put("errors", compiled.problems());
        if (compiled.valid()) {
            body.put("contentHash", compiled.ruleSet().version());
            body.put("rules", compiled.ruleSet().rulesById().keySet().stream().sorted().toList());
        }
        return body;
    }

    @PostMapping("/{version}/test")
    TestReport test(@PathVariable int version, HttpServletRequest request, Authentication user) {
        JsonNode body = request.getContentLengthLong() > 0 ? bodies.read(request) : null;
        return lifecycle.test(version, body, user.getName());
    }

    @PostMapping("/{version}/submit")
    RuleSetView submit(@PathVariable int version, Authentication user) {
        lifecycle.submit(version, user.getName());
        return view(version);
    }

    @PostMapping("/{version}/approve")
    ResponseEntity<Map<String, Object>> approve(@PathVariable int version, @RequestParam(defaultValue = "false") boolean wait,
            @RequestParam(required = false) Integer activeVersion, Authentication user) {
        return deployment(version, lifecycle.approve(version, user.getName(), activeVersion), wait);
    }

    @PostMapping("/{version}/reject")
    RuleSetView reject(@PathVariable int version, HttpServletRequest request, Authentication user) {
        JsonNode body = request.getContentLengthLong() > 0 ? bodies.read(request) : null;
        String reason = body == null || !body.path("reason").isString() ? null : body.path("reason").asString();
        lifecycle.reject(version, user.getName(), reason);
        return view(version);
    }

    @PostMapping("/{version}/rollback")
    ResponseEntity<Map<String, Object>> rollback(@PathVariable int version, @RequestParam(defaultValue = "false") boolean wait,
            Authentication user) {
        return deployment(version, lifecycle.rollback(version, user.getName()), wait);
    }

    /** {@code {"version": n}}: the same as {@code POST /{n}/rollback}. */
    @PostMapping("/rollback")
    ResponseEntity<Map<String, Object>> rollbackTo(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean wait,
            Authentication user) {
        JsonNode body = bodies.read(request);
        if (!body.path("version").isInt()) {
            throw ValidationFailed.of("version", "应为版本号 / must be a version number");
        }
        return rollback(body.path("version").asInt(), wait, user);
    }

    private ResponseEntity<Map<String, Object>> deployment(int version, CompletableFuture<RuleSetDeployer.Outcome> outcome,
            boolean wait) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (wait) {
            try {
                RuleSetDeployer.Outcome done = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                body.put("activated", done.activated());
                body.put("detail", done.detail());
            } catch (TimeoutException e) {
                body.put("deployment", "RUNNING");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                body.put("deployment", "RUNNING");
            } catch (ExecutionException e) {
                body.put("activated", false);
                body.put("detail", String.valueOf(e.getCause()));
            }
        } else {
            body.put("deployment", outcome.isDone() ? "DONE" : "RUNNING");
        }
        body.put("ruleSet", view(version));
        HttpStatus status = wait && body.containsKey("activated") ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/rule-sets/" + version)).body(body);
    }

    private RuleSetView view(int version) {
        return RuleSetView.of(lifecycle.version(version), lifecycle.activeNumber(), null, null);
    }

}
