package lianshao.rules;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.conf.LanguageLevelOption;

import lianshao.contract.Domain;

/**
 * Which rules can judge a record differently under two rule sources (the version in force and a draft), so that a
 * backtest need judge only those, and only the records of the domains they can fire on.
 *
 * <p>A rule can differ when its text differs (comments and spacing aside), when it is added or removed, or when it
 * reads a threshold whose value differs (for any district). Rules of one {@code @id} make one warning: one changed
 * rule takes its whole family. A changed rule that inserts facts takes every rule that names the inserted type.
 * Whatever else may make an unchanged rule judge differently falls back to everything ({@link #everything()}): any
 * change outside the rules (package, imports, globals, functions, declared types), a changed query, a rule that
 * modifies, retracts or halts or uses agenda groups, a threshold read with a key that is not a literal, a file that
 * cannot be read. A backtest must never miss a difference; judging too much only costs time.
 *
 * <p>A rule fires only on records of a domain when it matches, at the top of its conditions, the domain's fact with
 * {@code current} or one of the domain's items (only the judged record's items are facts); any other rule may fire
 * on records of every domain.
 */
public final class RuleChanges {

    private static final Pattern THRESHOLD_READ = Pattern.compile(
            "(?:\\$[\\w$]*\\s*:\\s*)?(?:amount|count|days|ratio|words)\\(\\s*\"([^\"\\\\]*)\"\\s*\\)");
    private static final String THRESHOLDS_TYPE = "Thresholds";
    /** Consequence words through which a rule changes what other rules see or whether they fire at all. */
    private static final Set<String> INTERFERING_WORDS = Set.of("modify", "update", "delete", "retract", "drools", "kcontext",
            "halt", "setFocus", "getKieRuntime", "getWorkingMemory");
    private static final Set<String> INSERTS = Set.of("insert", "insertLogical");
    /** Attributes by which one rule's firing decides whether another's does. */
    private static final Set<String> INTERFERING_ATTRIBUTES = Set.of("activation-group", "agenda-group", "ruleflow-group",
            "auto-focus", "lock-on-active", "timer", "calendars");

    private final String fallback;
    private final Set<String> changed;
    private final Set<String> ruleIds;
    private final Set<String> domains;
    private final Parsed before;
    private final Parsed after;

    private RuleChanges(String fallback, Set<String> changed, Set<String> ruleIds, Set<String> domains, Parsed before,
            Parsed after) {
        this.fallback = fallback;
        this.changed = changed;
        this.ruleIds = ruleIds;
        this.domains = domains;
        this.before = before;
        this.after = after;
    }

    /** What can judge differently from {@code before} under {@code after}. */
    public static RuleChanges between(RuleSource before, RuleSource after) {
        Parsed was = Parsed.of(before);
        Parsed now = Parsed.of(after);
        String fallback = was.unreadable != null ? was.unreadable : now.unreadable;
        if (fallback == null) {
            fallback = sharedChange(was, now);
        }
        if (fallback == null) {
            fallback = interfering(was);
        }
        if (fallback == null) {
            fallback = interfering(now);
        }
        if (fallback != null) {
            return everything(fallback);
        }
        Set<String> changedKeys = changedThresholds(was.thresholds, now.thresholds);
        Set<String> changed = new TreeSet<>();
        Set<String> keys = new TreeSet<>(was.rules.keySet());
        keys.addAll(now.rules.keySet());
        for (String key : keys) {
            ParsedRule a = was.rules.get(key);
            ParsedRule b = now.rules.get(key);
            boolean differs = a == null || b == null || !a.text.equals(b.text)
                    || !changedKeys.isEmpty() && (a.thresholdKeys == null || readsAny(a.thresholdKeys, changedKeys));
            if (differs && (a != null && a.query || b != null && b.query)) {
                return everything("查询 " + key + " 可能有不同结果 / the query " + key + " may answer differently");
            }
            if (differs) {
                changed.add(key);
            }
        }
        String closure = close(changed, was, now);
        if (closure != null) {
            return everything(closure);
        }
        Set<String> ids = new TreeSet<>();
        Set<String> domains = new TreeSet<>();
        boolean allDomains = false;
        for (String key : changed) {
            for (Parsed version : List.of(was, now)) {
                ParsedRule rule = version.rules.get(key);
                if (rule == null) {
                    continue;
                }
                if (rule.id != null) {
                    ids.add(rule.id);
                }
                if (rule.domains.isEmpty()) {
                    allDomains = true;
                }
                domains.addAll(rule.domains);
            }
        }
        if (allDomains) {
            domains = null;
        }
        // sorted, as they are shown
        return new RuleChanges(null, Collections.unmodifiableSet(changed), Collections.unmodifiableSet(ids),
                domains == null ? null : Collections.unmodifiableSet(domains), was, now);
    }

    /** Every rule judged, for the reason given (Chinese / English). */
    public static RuleChanges everything(String why) {
        return new RuleChanges(why, null, null, null, null, null);
    }

    /** True when every rule must be judged; {@link #fallback()} says why. */
    public boolean everything() {
        return fallback != null;
    }

    /** Why every rule must be judged (Chinese / English); null when only some are. */
    public String fallback() {
        return fallback;
    }

    /** The catalogue ids whose warnings can differ (when not {@link #everything()}). */
    public Set<String> ruleIds() {
        return ruleIds;
    }

    /** The names of the rules (package and name) that can judge differently (when not {@link #everything()}). */
    public Set<String> rules() {
        return changed;
    }

    /** True when a record of the domain can be judged differently. */
    public boolean affects(String domain) {
        return everything() || domains == null || domains.contains(domain);
    }

    /**
     * The files of {@code source} (one of the two compared) keeping only the rules that can judge differently, the
     * rules that insert facts (what the kept rules match may come from them) and the queries; everything else of
     * each file stays as it is. A file left with nothing but its package, imports and globals is left out: building
     * it costs time (every name it imports is looked up) for nothing. A decision table is kept as its generated DRL.
     */
    public Map<String, String> narrowed(RuleSource source) {
        if (everything()) {
            throw new IllegalStateException("every rule is judged: " + fallback);
        }
        Parsed parsed = source.version().equals(before.version) ? before : source.version().equals(after.version) ? after : null;
        if (parsed == null) {
            throw new IllegalArgumentException("not one of the compared rule sources");
        }
        Map<String, String> files = new TreeMap<>();
        parsed.texts.forEach((file, text) -> {
            StringBuilder kept = new StringBuilder(text);
            boolean keepsRules = false;
            for (ParsedRule rule : parsed.rules.values()) {
                if (!rule.file.equals(file)) {
                    continue;
                }
                if (rule.query || rule.inserts || changed.contains(rule.key)) {
                    keepsRules = true;
                } else {
                    blank(kept, rule.start, rule.end);
                }
            }
            if (!keepsRules && onlyDeclarations(parsed.statements.get(file))) {
                return;
            }
            files.put(DecisionTables.isTable(file) ? file + ".narrowed.drl" : file, kept.toString());
        });
        files.put(RuleSource.THRESHOLDS_FILE, source.thresholdsText());
        return files;
    }

    private static boolean onlyDeclarations(List<String> statements) {
        return statements.stream().allMatch(st -> st.startsWith("package ") || st.startsWith("import ") || st.startsWith("global "));
    }

    /** Spaces over the range, new lines kept, so that what remains keeps its line numbers. */
    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static boolean readsAny(Set<String> reads, Set<String> changedKeys) {
        for (String changedKey : changedKeys) {
            for (String read : reads) {
                // a district's value (key.<district>) overrides the key
                if (changedKey.equals(read) || changedKey.startsWith(read + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> changedThresholds(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<String> changed = new HashSet<>();
        for (String key : keys) {
            String x = a.get(key);
            String y = b.get(key);
            if (x == null || y == null || !x.trim().equals(y.trim())) {
                changed.add(key);
            }
        }
        return changed;
    }

    /**
     * Adds to {@code changed} the rules sharing an {@code @id} with one in it and the rules naming a type that one in
     * it inserts, until nothing more is added; a reason to judge everything when an inserting rule cannot be read so.
     */
    private static String close(Set<String> changed, Parsed was, Parsed now) {
        Deque<String> todo = new ArrayDeque<>(changed);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            for (Parsed version : List.of(was, now)) {
                ParsedRule rule = version.rules.get(key);
                if (rule == null) {
                    continue;
                }
                if (rule.insertedTypes == null) {
                    return "规则 " + key + " 插入的事实类型无法确定 / what the rule " + key + " inserts cannot be told";
                }
                for (Parsed other : List.of(was, now)) {
                    for (ParsedRule candidate : other.rules.values()) {
                        boolean family = rule.id != null && rule.id.equals(candidate.id);
                        boolean matchesInserted = candidate.words.stream().anyMatch(rule.insertedTypes::contains);
                        if ((family || matchesInserted) && changed.add(candidate.key)) {
                            todo.push(candidate.key);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A reason to judge everything when anything but the rules differs between the two sources. */
    private static String sharedChange(Parsed was, Parsed now) {
        Set<String> files = new TreeSet<>(was.shared.keySet());
        files.addAll(now.shared.keySet());
        for (String file : files) {
            String a = was.shared.get(file);
            String b = now.shared.get(file);
            if (a != null && b != null) {
                if (!a.equals(b)) {
                    return "文件 " + file + " 中规则以外的部分有改动 / " + file + " changed outside its rules";
                }
            } else if (!onlyRules(file, a != null ? was : now, a != null ? now : was)) {
                return "文件 " + file + (a == null ? " 为新增" : " 被删除") + "，且不只含规则 / " + file + (a == null ? " was added" : " was removed")
                        + " and holds more than rules";
            }
        }
        return null;
    }

    /**
     * True when a file present in one version only holds nothing but its package, imports and globals besides its
     * rules, each of them also declared by another file of that package in the other version (or the package is new).
     */
    private static boolean onlyRules(String file, Parsed holder, Parsed other) {
        String pkg = holder.packages.get(file);
        List<String> statements = holder.statements.get(file);
        if (statements == null) {
            return false;
        }
        Set<String> known = new HashSet<>();
        boolean packageExists = false;
        for (Map.Entry<String, String> e : other.packages.entrySet()) {
            if (e.getValue().equals(pkg)) {
                packageExists = true;
                known.addAll(Objects.requireNonNullElse(other.statements.get(e.getKey()), List.of()));
            }
        }
        if (!onlyDeclarations(statements)) {
            return false;
        }
        for (String statement : statements) {
            if (packageExists && !statement.startsWith("package ") && !known.contains(statement)) {
                return false;
            }
        }
        return true;
    }

    /** A reason to judge everything when a rule of the version can decide whether others fire or what they see. */
    private static String interfering(Parsed version) {
        for (ParsedRule rule : version.rules.values()) {
            if (rule.interfering) {
                return "规则 " + rule.key + " 会影响其他规则的触发 / the rule " + rule.key + " can change whether other rules fire";
            }
        }
        return null;
    }

    /** A rule or query of a parsed source. */
    private record ParsedRule(String key, String file, String id, boolean query, String text, int start, int end,
            Set<String> words, Set<String> thresholdKeys, Set<String> insertedTypes, boolean inserts, boolean interfering,
            Set<String> domains) {
    }

    /** One rule source, parsed: its rules, what each file holds besides them, its thresholds. */
    private static final class Parsed {
        String version;
        String unreadable;
        final Map<String, ParsedRule> rules = new LinkedHashMap<>();
        final Map<String, String> shared = new TreeMap<>();
        final Map<String, List<String>> statements = new HashMap<>();
        final Map<String, String> packages = new HashMap<>();
        final SortedMap<String, String> texts = new TreeMap<>();
        Map<String, String> thresholds = Map.of();

        static Parsed of(RuleSource source) {
            Parsed parsed = new Parsed();
            parsed.version = source.version();
            try {
                parsed.thresholds = source.thresholds();
            } catch (RuntimeException e) {
                parsed.unreadable = "阈值文件无法读取 / the thresholds cannot be read";
                return parsed;
            }
            for (Map.Entry<String, String> file : source.drlFiles().entrySet()) {
                String problem = parsed.read(file.getKey(), file.getValue());
                if (problem != null) {
                    parsed.unreadable = "文件 " + file.getKey() + " 无法逐条比较规则 / " + file.getKey() + " cannot be compared rule by rule ("
                            + problem + ")";
                    return parsed;
                }
            }
            return parsed;
        }

        /** Reads one file; the reason when it cannot be read rule by rule. */
        private String read(String file, String stored) {
            String text = stored;
            if (DecisionTables.isTable(file)) {
                List<RuleProblem> problems = new ArrayList<>();
                DecisionTables.Generated generated = DecisionTables.toDrl(file, stored, problems);
                if (generated == null || !problems.isEmpty()) {
                    return "decision table";
                }
                text = generated.drl();
            }
            texts.put(file, text);
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg;
            try {
                pkg = parser.parse(true, new StringReader(text));
            } catch (DroolsParserException e) {
                return e.getMessage();
            }
            if (pkg == null || parser.hasErrors()) {
                return "DRL";
            }
            Set<String> declared = new HashSet<>();
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                declared.add(type.getTypeName());
            }
            StringBuilder rest = new StringBuilder(text);
            for (RuleDescr rule : pkg.getRules()) {
                int start = rule.getStartCharacter();
                int end = Math.min(text.length(), rule.getEndCharacter() + 1);
                if (start < 0 || end <= start) {
                    return "rule " + rule.getName();
                }
                String key = RuleValidity.key(pkg.getName(), rule.getName());
                if (rules.containsKey(key)) {
                    return "rule " + key + " twice";
                }
                List<String> tokens = Tokens.of(text.substring(start, end));
                ParsedRule parsed = rule(key, file, rule, start, end, tokens, declared);
                rules.put(key, parsed);
                blank(rest, start, end);
            }
            List<String> restTokens = Tokens.of(rest.toString());
            shared.put(file, String.join(" ", restTokens));
            packages.put(file, pkg.getName());
            statements.put(file, Tokens.statements(restTokens));
            return null;
        }

        private static ParsedRule rule(String key, String file, RuleDescr rule, int start, int end, List<String> tokens,
                Set<String> declared) {
            Set<String> words = new HashSet<>(tokens);
            List<String> consequence = rule.getConsequence() == null ? List.of() : Tokens.of(rule.getConsequence().toString());
            boolean interfering = consequence.stream().anyMatch(INTERFERING_WORDS::contains)
                    || rule.getAttributes().keySet().stream().anyMatch(INTERFERING_ATTRIBUTES::contains);
            Set<String> inserted = new HashSet<>();
            boolean inserts = false;
            for (int i = 0; i < consequence.size(); i++) {
                if (INSERTS.contains(consequence.get(i))) {
                    inserts = true;
                    String type = newType(consequence, i + 1);
                    if (type == null) {
                        inserted = null;
                        break;
                    }
                    inserted.add(type);
                }
            }
            AnnotationDescr idAnnotation = rule.getAnnotation("id");
            String id = idAnnotation == null ? null : String.valueOf(idAnnotation.getValue()).replace("\"", "").trim();
            return new ParsedRule(key, file, id, rule instanceof QueryDescr, String.join(" ", tokens), start, end, words,
                    thresholdKeys(rule, tokens), inserted == null ? null : Set.copyOf(inserted), inserts, interfering,
                    domains(rule, declared));
        }

        /** The type of {@code ( new Type(} at {@code from}, the last part of a qualified name; null for anything else. */
        private static String newType(List<String> tokens, int from) {
            if (from + 2 >= tokens.size() || !tokens.get(from).equals("(") || !tokens.get(from + 1).equals("new")) {
                return null;
            }
            String type = null;
            for (int i = from + 2; i < tokens.size() && !tokens.get(i).equals("("); i++) {
                if (!tokens.get(i).equals(".")) {
                    type = tokens.get(i);
                }
            }
            return type;
        }

        /**
         * The threshold keys the rule reads; null when it reads them in a way that does not name them (a key that
         * is not a literal, the thresholds fact bound or used anywhere but in patterns of literal reads).
         */
        private static Set<String> thresholdKeys(RuleDescr rule, List<String> tokens) {
            Set<String> keys = new HashSet<>();
            if (!tokens.contains(THRESHOLDS_TYPE)) {
                return keys;
            }
            List<PatternDescr> patterns = new ArrayList<>();
            collectPatterns(rule.getLhs(), patterns);
            int reads = 0;
            for (PatternDescr pattern : patterns) {
                if (!THRESHOLDS_TYPE.equals(pattern.getObjectType()) && !pattern.getObjectType().endsWith("." + THRESHOLDS_TYPE)) {
                    continue;
                }
                reads++;
                if (pattern.getIdentifier() != null || pattern.getSource() != null) {
                    return null;
                }
                for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                    Matcher m = THRESHOLD_READ.matcher(constraint.toString().trim());
                    if (!m.matches()) {
                        return null;
                    }
                    keys.add(m.group(1));
                }
            }
            // the type named anywhere else (a consequence, a from, a pattern this does not walk) is a read not seen here
            List<String> consequence = rule.getConsequence() == null ? List.of() : Tokens.of(rule.getConsequence().toString());
            long named = tokens.stream().filter(THRESHOLDS_TYPE::equals).count();
            return consequence.contains(THRESHOLDS_TYPE) || named != reads ? null : keys;
        }

        private static void collectPatterns(BaseDescr descr, List<PatternDescr> into) {
            if (descr instanceof PatternDescr pattern) {
                into.add(pattern);
                if (pattern.getSource() != null) {
                    collectPatterns(pattern.getSource(), into);
                }
            }
            if (descr instanceof ConditionalElementDescr element) {
                for (BaseDescr nested : element.getDescrs()) {
                    collectPatterns(nested, into);
                }
            }
            if (descr instanceof org.drools.drl.ast.descr.AccumulateDescr accumulate && accumulate.getInput() != null) {
                collectPatterns(accumulate.getInput(), into);
            }
        }

        /** The domains whose records the rule can fire on; empty: every domain. */
        private static Set<String> domains(RuleDescr rule, Set<String> declared) {
            Set<String> domains = new HashSet<>();
            for (BaseDescr descr : rule.getLhs().getDescrs()) {
                if (!(descr instanceof PatternDescr pattern) || pattern.getSource() != null
                        || declared.contains(pattern.getObjectType())) {
                    continue;
                }
                for (Domain domain : Domain.values()) {
                    boolean current = pattern.getConstraint().getDescrs().stream().anyMatch(c -> c.toString().trim().equals("current"));
                    if (current && names(domain.factType(), pattern.getObjectType())
                            || domain.itemTypes().stream().anyMatch(t -> names(t, pattern.getObjectType()))) {
                        domains.add(domain.name());
                    }
                }
            }
            return domains;
        }

        private static boolean names(Class<?> type, String name) {
            return type.getSimpleName().equals(name) || type.getName().equals(name);
        }
    }

    /** Tokens of DRL text without comments and spacing; the whole text split at spaces when it cannot be tokenized. */
    private static final class Tokens {

        static List<String> of(String text) {
            try {
                return DrlTokenizer.tokenize(text).stream().filter(t -> t.kind() != DrlToken.Kind.END).map(DrlToken::text).toList();
            } catch (DrlTokenizer.Unreadable e) {
                return List.of(text.trim().split("\\s+"));
            }
        }

        /** Top-level statements ended by {@code ;}; a statement with braces or without its {@code ;} ends the list. */
        static List<String> statements(Collection<String> tokens) {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String token : tokens) {
                if (token.equals(";")) {
                    statements.add(current.toString().trim());
                    current.setLength(0);
                } else {
                    current.append(token).append(' ');
                }
            }
            if (!current.toString().isBlank()) {
                statements.add(current.toString().trim());
            }
            return statements;
        }
    }
}
