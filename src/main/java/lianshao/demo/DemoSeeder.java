package lianshao.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.contract.ReferenceKind;
import lianshao.records.IngestOutcome;
import lianshao.records.RecordIngestion;
import lianshao.reference.ReferenceWriter;
import lianshao.security.ApiKeys;
import lianshao.security.Binding;
import lianshao.security.Role;
import lianshao.security.Scope;
import lianshao.security.Users;
import lianshao.support.DisplayFormat;
import lianshao.support.Json;
import lianshao.support.PackagedFolders;

/**
 * Loads the demo city from {@code seeds/} through the same validation and services as the API:
 * orgs, parties, relations, admission plans and sanctions (each {@code <kind>.json} plus any
 * {@code <kind>-<part>.json}), the calendars, then the records of {@code seeds/records/}. Every
 * write is idempotent, so starting again changes nothing; edited seed files are applied on the next
 * start. A seed item that fails validation stops the start: demo data must be valid data. Last, a few warnings
 * are taken through the review once ({@link DemoReviewHistory}), so that every state of the loop is on show, and
 * purchases derived from the clean ones fill the last twelve months ({@link DemoYearOfRecords}).
 */
@Component
@Order(10)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final int BATCH = 500;

    private final DemoSettings settings;
    private final boolean embedded;
    private final ContractValidator validator;
    private final ReferenceWriter reference;
    private final RecordIngestion records;
    private final ApiKeys keys;
    private final Users users;
    private final DemoReviewHistory history;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    DemoSeeder(DemoSettings settings, @Value("${spring.datasource.url:}") String url, ContractValidator validator,
            ReferenceWriter reference, RecordIngestion records, ApiKeys keys, Users users, DemoReviewHistory history,
            JdbcClient jdbc, DisplayFormat display) {
        this.settings = settings;
        this.embedded = url.startsWith("jdbc:h2:");
        this.validator = validator;
        this.reference = reference;
        this.records = records;
        this.keys = keys;
        this.users = users;
        this.history = history;
        this.jdbc = jdbc;
        this.zone = display.zone();
    }

    boolean enabled() {
        return settings.enabled() != null ? settings.enabled() : embedded;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        Path seeds = PackagedFolders.resolve(settings.location(), "seeds");
        if (!Files.isDirectory(seeds)) {
            log.warn("Demo data enabled but {} is not a folder; skipping", seeds.toAbsolutePath());
            return;
        }
        // the demo feed posts for every school of the seeds: bound explicitly to the whole city
        keys.register(DemoSettings.FEED, DemoSettings.API_KEY, EnumSet.allOf(Scope.class), Binding.CITY, "demo");
        users.ensure("inspector", DemoSettings.PASSWORD, "纪检员 王清", Set.of(Role.INSPECTOR), null);
        users.ensure("supervisor", DemoSettings.PASSWORD, "纪检组长 李正", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        users.ensure("author", DemoSettings.PASSWORD, "政策法规处 赵明", Set.of(Role.RULE_AUTHOR), null);
        users.ensure("auditor", DemoSettings.PASSWORD, "审计处 钱审", Set.of(Role.AUDITOR), null);
        users.ensure("admin", DemoSettings.PASSWORD, "系统管理员", Set.of(Role.ADMIN), null);
        // a second administrator, so the demo shows how an account change that gives power is confirmed
        users.ensure("admin2", DemoSettings.PASSWORD, "安全管理员", Set.of(Role.ADMIN), null);
        users.ensure("importer", DemoSettings.PASSWORD, "清源一中 财务 孙录", Set.of(Role.IMPORTER), null);
        // people of one district and of one school, to show what a narrower data scope sees
        users.ensure(DemoReviewHistory.DISTRICT_INSPECTOR, DemoSettings.PASSWORD, "东城区纪检员 林东", Set.of(Role.INSPECTOR),
                DemoReviewHistory.DISTRICT);
        users.ensure(DemoReviewHistory.UNIT, DemoSettings.PASSWORD, "东城区第一初级中学 联络人 陈晓", Set.of(Role.UNIT),
                DemoReviewHistory.DISTRICT, Set.of(DemoReviewHistory.UNIT_ORG));

        each(seeds, "orgs", item -> check(ReferenceKind.ORG, "orgs", Json.without(item, "orgCode"),
                () -> reference.putOrg(item.get("orgCode").asString(), Json.without(item, "orgCode"))));
        each(seeds, "parties", item -> check(ReferenceKind.PARTY, "parties", Json.without(item, "partyId"),
                () -> reference.putParty(item.get("partyId").asString(), Json.without(item, "partyId"))));
        each(seeds, "relations", item -> check(ReferenceKind.RELATION, "relations", item,
                () -> reference.addRelation(item)));
        each(seeds, "admission-plans", item -> check(ReferenceKind.ADMISSION_PLAN, "admission-plans",
                Json.without(item, "orgCode", "year", "stage"), () -> reference.putAdmissionPlan(item.get("orgCode").asString(),
                        item.get("year").asInt(), item.get("stage").asString(), Json.without(item, "orgCode", "year", "stage"))));
        each(seeds, "sanctions", item -> check(ReferenceKind.SANCTION, "sanctions", item,
                () -> reference.addSanction(item)));
        for (Path calendar : files(seeds.resolve("calendar"))) {
            JsonNode body = read(calendar);
            int year = Integer.parseInt(calendar.getFileName().toString().replace(".json", ""));
            check(ReferenceKind.CALENDAR, calendar.toString(), body, () -> reference.putCalendar(year, body));
        }
        int created = 0;
        int total = 0;
        Map<String, JsonNode> seeded = new HashMap<>();
        for (Path file : files(seeds.resolve("records"))) {
            List<JsonNode> envelopes = new ArrayList<>();
            read(file).forEach(envelopes::add);
            envelopes.forEach(e -> seeded.put(e.path("externalId").asString(), e));
            created += ingest(envelopes, file.toString());
            total += envelopes.size();
        }
        log.info("Demo data loaded from {}: {} records ({} new)", seeds.toAbsolutePath(), total, created);
        history.tell();
        // after the story, so that its choice of warnings does not depend on the day the demo starts; a purchase derived
        // at an earlier start stays as it was: which seed purchases are clean changes as records arrive, and posting
        // again would store another purchase under the same identity
        Set<String> stored = new HashSet<>(derivedPurchases());
        List<JsonNode> year = DemoYearOfRecords.purchases(cleanPurchases().stream().map(seeded::get).filter(Objects::nonNull).toList(),
                Clock.systemUTC(), zone).stream().filter(e -> !stored.contains(e.path("externalId").asString())).toList();
        log.info("Demo purchases over the last twelve months: {} new", ingest(year, "the year of purchases"));
    }

    /** Posts the records in batches; returns how many were new. */
    private int ingest(List<JsonNode> envelopes, String origin) {
        int created = 0;
        for (int from = 0; from < envelopes.size(); from += BATCH) {
            for (RecordIngestion.Result r : records.ingest(envelopes.subList(from, Math.min(envelopes.size(), from + BATCH)),
                    DemoSettings.FEED)) {
                if (r.outcome() == IngestOutcome.REJECTED) {
                    throw new IllegalStateException("seed record " + origin + " #" + (from + r.index()) + " is invalid: " + r.errors());
                }
                created += r.outcome() == IngestOutcome.CREATED ? 1 : 0;
            }
        }
        return created;
    }

    /** The external ids of the purchases derived at earlier starts ({@link DemoYearOfRecords}). */
    private List<String> derivedPurchases() {
        return jdbc.sql("SELECT external_id FROM record WHERE source = :feed AND external_id LIKE :derived")
                .param("feed", DemoSettings.FEED).param("derived", DemoYearOfRecords.PREFIX + "%").query(String.class).list();
    }

    /** The demo purchases of the seed files that raised no warning, by external id. */
    private List<String> cleanPurchases() {
        return jdbc.sql("""
                SELECT r.external_id FROM record r WHERE r.source = :feed AND r.domain = 'PROCUREMENT' AND r.external_id NOT LIKE :derived
                AND NOT EXISTS (SELECT 1 FROM warning w WHERE w.record_id = r.id) ORDER BY r.external_id""")
                .param("feed", DemoSettings.FEED).param("derived", DemoYearOfRecords.PREFIX + "%")
                .query(String.class).list();
    }

    private void check(ReferenceKind kind, String file, JsonNode body, Runnable write) {
        List<FieldError> errors = validator.validateReference(kind, body);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("seed item in " + file + " is invalid: " + errors + " in " + body);
        }
        write.run();
    }

    /** Every item of {@code <kind>.json} and then of {@code <kind>-*.json} (e.g. parties-tender.json), in name order. */
    private static void each(Path seeds, String kind, Consumer<JsonNode> action) {
        for (Path file : files(seeds)) {
            String name = file.getFileName().toString();
            if (name.equals(kind + ".json") || name.startsWith(kind + "-")) {
                read(file).forEach(action);
            }
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
