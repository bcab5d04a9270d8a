package lianshao.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import lianshao.facts.Org;
import lianshao.facts.Party;

/**
 * Where the wording of a warning's message finds a party or organisation that the record's context does not
 * hold (one named only by an earlier record): the reference data, by id and by code.
 */
public record NameLookup(Function<Collection<String>, List<Party>> parties, Function<Collection<String>, List<Org>> orgs) {
}
