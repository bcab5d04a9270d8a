package lianshao.reference;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.facts.Org;
import lianshao.security.Binding;

/**
 * The write boundary in terms of organisations: whether a caller's {@link Binding} covers an organisation, a
 * party (by its organisation) or a reference (an org code or a party id). A thing that belongs to no
 * organisation (a company, an outside person) lies within every binding for reading and for registering it,
 * but a bound caller neither changes an existing one nor states relations or sanctions about such parties
 * alone (ReferenceWriter, {@link #sharedOnlyRefusal}); everything else lies where its organisation is registered.
 */
@Component
public class OrgBoundary {

    private final JdbcClient jdbc;
    private final ReferenceQueries reference;
    private final ReferenceCache cache;

    OrgBoundary(JdbcClient jdbc, ReferenceQueries reference, ReferenceCache cache) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.cache = cache;
    }

    /** The registered organisations among the codes, by code (from the in-memory copy, as stored now). */
    public Map<String, Org> registered(Collection<String> codes) {
        Map<String, Org> orgs = new HashMap<>();
        cache.current().orgs(new LinkedHashSet<>(codes)).forEach(o -> orgs.put(o.code(), o));
        return orgs;
    }

    public static String unknownOrg(String orgCode) {
        return "机构代码未登记：" + orgCode + " / unknown organisation code " + orgCode;
    }

    public static String outside(String orgCode, Binding binding) {
        return "无权为机构 " + orgCode + " 写入数据（可写范围：" + binding.describe() + "）/ not allowed to write for organisation "
                + orgCode + " (this caller writes for: " + binding.describe() + ")";
    }

    /**
     * Why the caller may not write for the registered organisation, or empty when it may. An unregistered code
     * lies within whole-city bindings only.
     */
    public Optional<String> refusal(Binding binding, String orgCode) {
        if (binding.wholeCity() || orgCode == null) {
            return Optional.empty();
        }
        Org org = reference.org(orgCode).orElse(null);
        return binding.covers(orgCode, org == null ? null : org.district()) ? Optional.empty()
                : Optional.of(outside(orgCode, binding));
    }

    /**
     * Why the caller may not create or change the organisation so that it lies in {@code newDistrict}, or
     * empty: both where it is now (if registered) and where it would be must lie within the binding, so a
     * bound key neither alters another district's organisation nor moves one of its own out (or another in).
     */
    public Optional<String> orgChangeRefusal(Binding binding, String orgCode, String newDistrict) {
        if (binding.wholeCity()) {
            return Optional.empty();
        }
        Optional<Org> now = reference.org(orgCode);
        boolean nowInside = now.map(o -> binding.covers(o.code(), o.district())).orElse(true);
        // a move between districts needs both districts in the binding: a key of one school does not move it
        boolean moves = now.isPresent() && !now.get().district().equals(newDistrict);
        boolean moveAllowed = !moves || (binding.districts().contains(now.get().district()) && binding.districts().contains(newDistrict));
        return nowInside && moveAllowed && binding.covers(orgCode, newDistrict) ? Optional.empty()
                : Optional.of(outside(orgCode, binding));
    }

    /** The organisation a reference belongs to: itself when it is an org code, a party's organisation, else null. */
    public String orgOf(String ref) {
        if (ref == null) {
            return null;
        }
        return reference.org(ref).isPresent() ? ref : partyOrg(ref);
    }

    /** The organisation of a registered party, or null (no such party, or one of no organisation). */
    public String partyOrg(String partyId) {
        return jdbc.sql("SELECT org_code FROM party WHERE id = ?").param(partyId).query(String.class).optional().orElse(null);
    }

    /**
     * Why a caller bound to districts or organisations may not write this about references of no organisation
     * only (relations between companies or outside persons, a sanction of one): those are shared by every
     * school, so only callers that write for the whole city state them; empty when one reference belongs to an
     * organisation (within the binding, which {@link #refsRefusal} checks).
     */
    public Optional<String> sharedOnlyRefusal(Binding binding, List<String> refs) {
        if (binding.wholeCity() || refs.stream().anyMatch(r -> orgOf(r) != null)) {
            return Optional.empty();
        }
        return Optional.of("不属于任何机构的当事人由全市共用，只有可写全市的调用方能为其登记关系或处分 / parties of no organisation are "
                + "shared by the whole city: only callers that write for the whole city state their relations or sanctions: "
                + String.join(", ", refs));
    }

    /** Why the caller may not write about these references (each must lie within, or belong to no organisation). */
    public Optional<String> refsRefusal(Binding binding, List<String> refs) {
        if (binding.wholeCity()) {
            return Optional.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref != null && seen.add(ref)) {
                Optional<String> refusal = refusal(binding, orgOf(ref));
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }
}
