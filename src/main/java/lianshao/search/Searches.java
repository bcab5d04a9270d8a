package lianshao.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

import lianshao.facts.Org;
import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.support.DisplayFormat;
import lianshao.warnings.AccessLog;
import lianshao.web.Forbidden;

/**
 * Runs a search for a person within their data scope, labels what it found in the reader's language (names, not codes),
 * and writes the search to the access log (kind SEARCH, the query as {@link SearchQuery#logged()} keeps it).
 */
@Service
public class Searches {

    /** Hits shown per group. */
    public static final int PER_GROUP = 20;
    /** Who reads warnings; unit liaisons and importers reach their own tasks and imports only. */
    private static final List<Role> SEARCHERS = List.of(Role.INSPECTOR, Role.SUPERVISOR, Role.RULE_AUTHOR, Role.ADMIN, Role.AUDITOR);

    private final SearchIndex index;
    private final ReferenceQueries reference;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final DisplayFormat format;

    Searches(SearchIndex index, ReferenceQueries reference, AccessLog accessLog, MessageSource messages, DisplayFormat format) {
        this.format = format;
        this.index = index;
        this.reference = reference;
        this.accessLog = accessLog;
        this.messages = messages;
    }

    /**
     * Searches for {@code q} (optionally in one group: parties, orgs, warnings or records) as the user may see it;
     * {@code channel} is CONSOLE or API. Bad input is refused (400) before anything is searched or logged.
     */
    public SearchResults search(CurrentUser user, String q, String kind, String channel) {
        if (SEARCHERS.stream().noneMatch(user::has)) {
            throw new Forbidden("当前角色无权检索 / not allowed to search for your role");
        }
        SearchQuery query = SearchQuery.parse(q, kind);
        accessLog.opened(user.username(), "SEARCH", query.logged(), channel);
        String district = user.district();
        int limit = PER_GROUP + 1;
        List<SearchIndex.PartyRow> parties = List.of();
        List<String> unregistered = List.of();
        List<SearchIndex.OrgRow> orgs = List.of();
        List<SearchIndex.WarningRow> warnings = List.of();
        List<SearchIndex.RecordRow> records = List.of();
        if (query.byIdNumber()) {
            records = index.recordsByIdentity(query, district, query.wants(SearchGroup.RECORDS) || query.wants(SearchGroup.PARTIES)
                    ? 500 : 0);
            if (query.wants(SearchGroup.PARTIES)) {
                List<String> students = index.studentsOf(records.stream().map(SearchIndex.RecordRow::id).toList());
                parties = index.partiesByRef(students, district, limit);
                unregistered = index.unregisteredNamed(students, district, limit);
            }
            if (query.wants(SearchGroup.WARNINGS)) {
                warnings = index.warningsByIdentity(query, district, limit);
            }
            records = query.wants(SearchGroup.RECORDS) ? records.stream().limit(limit).toList() : List.of();
        } else {
            if (query.wants(SearchGroup.PARTIES)) {
                parties = index.partiesByText(query, district, limit);
            }
            if (query.wants(SearchGroup.ORGS)) {
                orgs = index.orgsByText(query, district, limit);
            }
            if (query.wants(SearchGroup.WARNINGS)) {
                warnings = index.warningsByText(query, district, limit);
            }
            if (query.wants(SearchGroup.RECORDS)) {
                records = index.recordsByText(query, district, limit);
            }
        }
        Set<String> orgCodes = new LinkedHashSet<>();
        parties.forEach(p -> orgCodes.add(p.orgCode()));
        warnings.forEach(w -> orgCodes.add(w.orgCode()));
        records.forEach(r -> orgCodes.add(r.orgCode()));
        orgCodes.remove(null);
        Map<String, String> orgNames = reference.orgs(orgCodes).stream().collect(Collectors.toMap(Org::code, Org::name, (a, b) -> a));

        List<SearchResults.Group> groups = new ArrayList<>();
        if (query.wants(SearchGroup.PARTIES)) {
            List<SearchResults.Hit> hits = new ArrayList<>(parties.stream().map(p -> partyHit(p, orgNames)).toList());
            unregistered.stream().map(ref -> new SearchResults.Hit(ref, null, ref, text("search.party.unregistered"),
                    "/profiles/" + segment(ref))).forEach(hits::add);
            groups.add(group(SearchGroup.PARTIES, hits));
        }
        if (query.wants(SearchGroup.ORGS) && !query.byIdNumber()) {
            groups.add(group(SearchGroup.ORGS, orgs.stream().map(this::orgHit).toList()));
        }
        if (query.wants(SearchGroup.WARNINGS)) {
            groups.add(group(SearchGroup.WARNINGS, warnings.stream().map(w -> warningHit(w, orgNames)).toList()));
        }
        if (query.wants(SearchGroup.RECORDS)) {
            Map<String, String> firstWarning = index.firstWarningOf(records.stream().map(SearchIndex.RecordRow::id).toList());
            groups.add(group(SearchGroup.RECORDS, records.stream().map(r -> recordHit(r, orgNames, firstWarning)).toList()));
        }
        return new SearchResults(query.text(), query.hashPrefix(), groups);
    }

    private SearchResults.Group group(SearchGroup kind, List<SearchResults.Hit> hits) {
        return new SearchResults.Group(kind, text(kind.messageKey()), hits.stream().limit(PER_GROUP).toList(), hits.size() > PER_GROUP);
    }

    private SearchResults.Hit partyHit(SearchIndex.PartyRow p, Map<String, String> orgNames) {
        String label = joined(text("party." + p.kind()), p.orgCode() == null ? null : orgNames.getOrDefault(p.orgCode(), p.orgCode()));
        return new SearchResults.Hit(p.id(), null, p.name(), label, "/profiles/" + segment(p.id()));
    }

    private SearchResults.Hit orgHit(SearchIndex.OrgRow o) {
        return new SearchResults.Hit(o.code(), o.code(), o.name(), joined(text("party.ORG"), o.district()), "/profiles/org/" + segment(o.code()));
    }

    private SearchResults.Hit warningHit(SearchIndex.WarningRow w, Map<String, String> orgNames) {
        boolean english = english();
        String title = english && w.titleEn() != null ? w.titleEn() : w.title();
        String label = joined(text("domain." + w.domain()), text("form." + w.form()), text("status." + w.status()),
                orgNames.getOrDefault(w.orgCode(), w.orgCode()), format.time(w.raisedAt()));
        return new SearchResults.Hit(w.id(), WarningNumbers.shortForm(w.id()), title, label, "/warnings/" + w.id());
    }

    private SearchResults.Hit recordHit(SearchIndex.RecordRow r, Map<String, String> orgNames, Map<String, String> firstWarning) {
        String label = joined(text("domain." + r.domain()), orgNames.getOrDefault(r.orgCode(), r.orgCode()),
                format.time(r.occurredAt()));
        String warning = firstWarning.get(r.id());
        return new SearchResults.Hit(r.id(), r.externalId(), text("search.record.name", r.externalId()), label,
                warning == null ? null : "/warnings/" + warning);
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    private static String joined(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" · "));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

}
