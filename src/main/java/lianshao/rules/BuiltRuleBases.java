package lianshao.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.kie.api.KieBase;

import lianshao.support.Hashing;

/**
 * The rule bases last built in this JVM, by the SHA-256 of the DRL they were built from (every file's path and
 * text) and the class loader their facts come from. Building is most of the cost of compiling a rule set, and the
 * same rules are built again and again: at every start of the service in one JVM, when a checked draft is
 * deployed, when a version is rolled back to, when another instance activates what this one built. A rule base
 * never changes once built and makes sessions on any thread, so one can serve them all. Only successful builds are
 * kept, and only the last few: a draft that differs by one character is built anew.
 */
final class BuiltRuleBases {

    static final int KEPT = 4;

    private record Key(String drlHash, ClassLoader loader) {
    }

    private static final Map<Key, KieBase> BASES = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, KieBase> eldest) {
            return size() > KEPT;
        }
    };

    private BuiltRuleBases() {
    }

    /**
     * The rule base built from exactly this DRL, building it when it is not kept; a build that answers null (it
     * failed) is not kept. Two threads asking for the same new DRL at once may both build it.
     */
    static KieBase get(SortedMap<String, String> drl, Supplier<KieBase> build) {
        Key key = new Key(hash(drl), Thread.currentThread().getContextClassLoader());
        synchronized (BASES) {
            KieBase kept = BASES.get(key);
            if (kept != null) {
                return kept;
            }
        }
        KieBase built = build.get();
        if (built != null) {
            synchronized (BASES) {
                BASES.put(key, built);
            }
        }
        return built;
    }

    private static String hash(SortedMap<String, String> drl) {
        StringBuilder all = new StringBuilder();
        drl.forEach((path, text) -> all.append(path.length()).append(':').append(path).append(text.length()).append(':').append(text));
        return Hashing.sha256Hex(all.toString());
    }
}
