package lianshao.imports;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import lianshao.security.Binding;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.FeedPrincipal;
import lianshao.security.Role;
import lianshao.security.Scope;

/**
 * Who uploads or reads imports: a data feed (by its API key) or a signed-in person.
 *
 * @param feed   true for a feed
 * @param name   the feed's source or the person's username
 * @param scopes a feed's key scopes
 * @param roles  a person's roles
 * @param binding  the organisations it may import for (a feed's key binding; a person's district and organisations)
 * @param district the person's data scope for reading the import list (null: the whole city)
 */
record Uploader(boolean feed, String name, Set<Scope> scopes, Set<String> roles, Binding binding, String district) {

    static final String FEED = "FEED";
    static final String USER = "USER";

    static Uploader of(Authentication auth, CurrentUsers users) {
        if (auth.getPrincipal() instanceof FeedPrincipal principal) {
            return new Uploader(true, principal.source(), principal.scopes(), Set.of(), principal.binding(), null);
        }
        java.util.Optional<CurrentUser> user = users.of(auth);
        Set<String> roles = new java.util.HashSet<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String a = authority.getAuthority();
            if (a != null && a.startsWith("ROLE_")) {
                roles.add(a.substring("ROLE_".length()));
            }
        }
        return new Uploader(false, auth.getName(), Set.of(), Set.copyOf(roles),
                user.map(CurrentUser::binding).orElse(Binding.NONE), user.map(CurrentUser::district).orElse(null));
    }

    String type() {
        return feed ? FEED : USER;
    }

    boolean has(Role role) {
        return roles.contains(role.name());
    }

    /** Sees every import: administrators and auditors. */
    boolean seesAll() {
        return has(Role.ADMIN) || has(Role.AUDITOR);
    }

    boolean mayImport(ImportKind kind) {
        if (feed) {
            return scopes.contains(Scope.RECORDS) && (kind.records() || scopes.contains(Scope.REFERENCE));
        }
        return has(Role.IMPORTER) || has(Role.ADMIN);
    }

    /** Whether the import is this uploader's own, or one it audits; a district auditor audits its district's people. */
    boolean maySee(ImportJobs.Job job, java.util.function.Function<String, String> districtOfUser) {
        if (!feed && seesAll()) {
            return district == null || (job.uploaderType().equals(USER) && district.equals(districtOfUser.apply(job.uploadedBy())));
        }
        return job.uploaderType().equals(type()) && job.uploadedBy().equals(name);
    }
}
