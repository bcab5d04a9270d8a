package lianshao.authoring;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.web.Forbidden;
import lianshao.web.JsonBodies;
import lianshao.web.ValidationFailed;

/** Applying the active rule set to stored records: start (supervisors), progress and the latest runs. */
@RestController
@RequestMapping("/api/v1/reapplications")
class ReapplicationController {

    private final Reapplications reapplications;
    private final JsonBodies bodies;
    private final CurrentUsers users;

    ReapplicationController(Reapplications reapplications, JsonBodies bodies, CurrentUsers users) {
        this.reapplications = reapplications;
        this.bodies = bodies;
        this.users = users;
    }

    private CurrentUser user(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("仅限登录人员 / people only"));
    }

    /** {@code {"from": "2026-01-01", "to": "2026-03-31", "domains": ["PROCUREMENT"]}}: days of occurredAt, both inclusive. */
    @PostMapping
    ResponseEntity<ReapplicationView> start(HttpServletRequest request, Authentication auth) {
        CurrentUser user = user(auth);
        JsonNode body = bodies.read(request);
        ReapplicationView view = reapplications.start(user, date(body, "from"), date(body, "to"), domains(body));
        return ResponseEntity.accepted().location(URI.create("/api/v1/reapplications/" + view.id())).body(view);
    }

    @GetMapping
    List<ReapplicationView> latest(Authentication auth) {
        return reapplications.latest(user(auth), 20);
    }

    @GetMapping("/{id}")
    ReapplicationView get(@PathVariable String id, Authentication auth) {
        return reapplications.view(id, user(auth));
    }

    private static LocalDate date(JsonNode body, String field) {
        try {
            return LocalDate.parse(body.path(field).asString(""));
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(field, "应为日期，如 2026-01-01 / must be a date such as 2026-01-01");
        }
    }

    private static List<String> domains(JsonNode body) {
        JsonNode domains = body.path("domains");
        if (!domains.isArray()) {
            throw ValidationFailed.of("domains", "应为领域名称的数组 / must be an array of domain names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode d : domains) {
            if (!d.isString()) {
                throw ValidationFailed.of("domains", "应为领域名称的数组 / must be an array of domain names");
            }
            names.add(d.asString());
        }
        return names;
    }
}
