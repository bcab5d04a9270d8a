package lianshao.imports;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

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
 */
record Uploader(boolean feed, String name, Set<Scope> scopes, Set<String> roles) {

    static final String FEED = "FEED";
    static final String USER = "USER";

    static Uploader of(Authentication auth) {
        if (auth.getPrincipal() instanceof FeedPrincipal principal) {
            return new Uploader(true, principal.source(), principal.scopes(), Set.of());
        }
        Set<String> roles = new java.util.HashSet<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String a = authority.getAuthority();
            if (a != null && a.startsWith("ROLE_")) {
                roles.add(a.substring("ROLE_".length()));
            }
        }
        return new Uploader(false, auth.getName(), Set.of(), Set.copyOf(roles));
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

    boolean maySee(ImportJobs.Job job) {
        if (!feed && seesAll()) {
            return true;
        }
        return job.uploaderType().equals(type()) && job.uploadedBy().equals(name);
    }
}
