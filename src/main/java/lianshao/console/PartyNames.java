package lianshao.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import lianshao.facts.Party;
import lianshao.reference.ReferenceQueries;

/**
 * Names of the parties a page shows. Lists pseudonymise persons (张三 → 张*) until a warning is
 * opened; organisations keep their names.
 */
@Component
class PartyNames {

    private final ReferenceQueries reference;

    PartyNames(ReferenceQueries reference) {
        this.reference = reference;
    }

    /** A party as a page shows it: its id, the name to show, and whether it is a person. */
    record Named(String ref, String name, boolean person) {
    }

    Map<String, Party> parties(Collection<String> refs) {
        return reference.parties(refs.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a));
    }

    /** Full names, for an opened warning or profile. */
    List<Named> full(Collection<String> refs) {
        Map<String, Party> parties = parties(refs);
        return refs.stream().distinct().map(ref -> {
            Party p = parties.get(ref);
            return p == null ? new Named(ref, ref, false) : new Named(ref, p.name(), p.person());
        }).toList();
    }

    /** Pseudonymised names by ref, for lists. */
    Map<String, String> masked(Collection<String> refs) {
        Map<String, Party> parties = parties(refs);
        Map<String, String> names = new LinkedHashMap<>();
        for (String ref : refs) {
            Party p = parties.get(ref);
            names.put(ref, p == null ? ref : p.maskedName());
        }
        return names;
    }
}
