package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.kie.internal.builder.conf.LanguageLevelOption;

import lianshao.facts.HitBuilder;
import lianshao.facts.Hits;
import lianshao.facts.RecordFact;

/**
 * Walks every type a rule can reach from the fact model — the return types (and their type arguments)
 * of allowed methods, starting at every fact type, {@link Hits} and {@link HitBuilder} — and shows for
 * each public method of each reachable type that it is either on the allow-list, with a reason and a
 * return type that leads nowhere dangerous, or refused by the checker when a rule calls it, in a
 * consequence and in a condition.
 */
class AllowedMembersTest {

    /** What no allowed method may return: the ways out to code, classes, files, the network and unbounded iteration. */
    private static final Set<Class<?>> FORBIDDEN_RESULTS = Set.of(Class.class, ClassLoader.class, Module.class, ModuleLayer.class,
            Thread.class, Runtime.class, Process.class, ProcessHandle.class, java.net.URL.class, java.net.URI.class,
            java.nio.file.Path.class, java.io.File.class, java.util.Iterator.class, java.util.Spliterator.class,
            java.util.Enumeration.class, java.util.Optional.class, java.lang.StackTraceElement.class, Enum.class);
    private static final List<String> FORBIDDEN_PACKAGES = List.of("java.lang.reflect", "java.lang.invoke", "java.lang.constant",
            "java.io", "java.nio", "java.net", "java.util.stream", "java.util.concurrent", "java.util.function", "java.security",
            "javax", "jdk", "sun", "org.", "com.");

    private final DrlSafetyCheck check = new DrlSafetyCheck(SafetyLimits.DEFAULT);

    /** A reachable type and a consequence expression of that type, rooted at a fact variable {@code $f} of type {@code root}. */
    private record Reach(StaticType type, Class<?> root, String expression) {
    }

    @Test
    void everyPublicMethodOfEveryReachableTypeIsAllowedWithAReasonOrRefused() {
        Map<StaticType, Reach> reachable = reachable();
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        java.util.Set<String> refused = new java.util.TreeSet<>();
        List<String> failures = new ArrayList<>();

        for (Reach reach : reachable.values()) {
            if (reach.type().raw() == Hits.class || reach.type().raw() == HitBuilder.class) {
                continue; // the hit API: checked below in its own chain
            }
            assertThat(problems(consequenceRule(reach, reach.expression()))).as("the path to " + reach.type() + " itself is allowed")
                    .isEmpty();
            for (Method m : methodsOf(reach.type())) {
                AllowedMembers.Entry entry = AllowedMembers.find(m);
                String name = signature(m);
                if (entry != null) {
                    assertThat(entry.reason()).as(name).isNotBlank().contains(" / ");
                    safeResult(reach.type().returnType(m), name, failures);
                    allowed.add(name);
                    continue;
                }
                String call = reach.expression() + "." + m.getName() + arguments(m, false);
                List<String> inConsequence = problems(consequenceRule(reach, call));
                List<String> inCondition = problems(conditionRule(reach, reach.expression().replace("hits.raise(\"x\")", "")
                        + "." + m.getName() + arguments(m, true)));
                if (inConsequence.stream().noneMatch(p -> p.contains(m.getName()))
                        || inCondition.stream().noneMatch(p -> p.contains(m.getName()))) {
                    failures.add(name + " on " + reach.type() + " was not refused: " + inConsequence + " " + inCondition);
                }
                refused.add(name);
            }
        }
        for (Class<?> api : List.of(Hits.class, HitBuilder.class)) {
            for (Method m : methodsOf(StaticType.of(api))) {
                String prefix = api == Hits.class ? "hits" : "hits.raise(\"x\")";
                String chain = prefix + "." + m.getName() + arguments(m, false) + ";";
                List<String> found = problems(DrlSafetyCheckTest.rule("$f : Tender( current )", chain));
                if (AllowedMembers.find(m) != null) {
                    if (m.getName().equals("raise") || api == HitBuilder.class) {
                        assertThat(found).as(chain).isEmpty();
                    }
                    allowed.add(signature(m));
                } else {
                    // on hits itself the grammar already admits raise only
                    String reason = api == Hits.class ? "hits.raise(...)" : m.getName();
                    assertThat(found).as(chain).anySatisfy(p -> assertThat(p).contains(reason));
                    refused.add(signature(m));
                }
            }
        }

        assertThat(failures).isEmpty();
        System.out.println("reachable types: " + reachable.keySet() + "\nallowed " + allowed.size() + ", refused " + refused.size());
        assertThat(reachable.keySet().stream().map(t -> t.raw().getSimpleName()).collect(Collectors.toSet()))
                .contains("String", "BigDecimal", "LocalDate", "OffsetDateTime", "List", "Set", "Map", "Integer", "Boolean",
                        "Bid", "Tender", "Period");
        // no enum is reachable at all, so getDeclaringClass and describeConstable of an enum are out of reach
        assertThat(reachable.keySet()).noneMatch(t -> t.raw().isEnum() || FORBIDDEN_RESULTS.contains(t.raw()));
        assertThat(refused).contains("String.repeat(int)", "LocalDate.getDayOfWeek()", "LocalDate.getMonth()",
                "String.describeConstable()", "BigDecimal.pow(int)", "LocalDate.datesUntil(LocalDate)", "Object.getClass()",
                "Collection.stream()", "String.formatted(Object[])");
        assertThat(allowed).contains("Tender.bids()", "String.length()", "BigDecimal.compareTo(BigDecimal)", "List.get(int)",
                "HitBuilder.evidence(String, Object)");
    }

    @Test
    void everyEntryNamesAnExistingMethodAndAReason() {
        for (AllowedMembers.Entry entry : AllowedMembers.entries()) {
            assertThat(entry.reason()).as(entry.toString()).contains(" / ");
            Method method;
            try {
                method = entry.type().getMethod(entry.name(), entry.parameters().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new AssertionError("no such method: " + entry, e);
            }
            assertThat(Modifier.isStatic(method.getModifiers())).as(entry.toString()).isFalse();
            List<String> failures = new ArrayList<>();
            safeResult(StaticType.of(method.getReturnType()), entry.type().getSimpleName() + "." + entry.name(), failures);
            assertThat(failures).isEmpty();
        }
    }

    /** Personal data of the fact model: readable in conditions only, each with a reason and a masked form that exists. */
    @Test
    void personalDataIsConditionOnlyWithAReasonAndAMaskedForm() throws Exception {
        Map<String, String> expected = Map.of(
                "Admission.identityHash()", "Admission.maskedIdentityHash()",
                "Bid.contactPhone()", "Bid.maskedContactPhone()",
                "Bid.depositAccount()", "Bid.maskedDepositAccount()",
                "Bid.submittedFromIp()", "Bid.sharedIdentifiers(other)",
                "Party.name()", "Party.maskedName()",
                "Party.phone()", "Party.maskedPhone()",
                "Party.address()", "Party.maskedAddress()",
                "Party.bankAccount()", "Party.maskedBankAccount()",
                "ResearchExpense.payeeAccount()", "ResearchExpense.maskedPayeeAccount()");
        Map<String, AllowedMembers.Entry> sensitive = AllowedMembers.entries().stream()
                .filter(e -> e.kind() == AllowedMembers.Kind.SENSITIVE)
                .collect(Collectors.toMap(AllowedMembers.Entry::member, e -> e));

        assertThat(sensitive.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            AllowedMembers.Entry entry = sensitive.get(e.getKey());
            assertThat(entry.reason()).as(e.getKey()).contains("个人信息", "personal data", " / ");
            assertThat(entry.masked()).as(e.getKey()).startsWith(e.getValue());
            // the masked form is itself an allowed read of the same type
            String accessor = e.getValue().substring(e.getValue().indexOf('.') + 1, e.getValue().indexOf('('));
            Method masked = Arrays.stream(entry.type().getMethods()).filter(m -> m.getName().equals(accessor)).findFirst()
                    .orElseThrow(() -> new AssertionError("no masked form " + e.getValue()));
            assertThat(AllowedMembers.find(masked)).as(e.getValue()).isNotNull()
                    .extracting(AllowedMembers.Entry::kind).isEqualTo(AllowedMembers.Kind.READ);
            Method raw = entry.type().getMethod(entry.name());
            assertThat(AllowedMembers.find(raw)).isSameAs(entry);
        }
    }

    /**
     * Every component of a fact type whose name says it is a personal identifier, a contact or an
     * account is on the condition-only list: a new one cannot slip in as an ordinary read.
     */
    @Test
    void everyFactComponentNamedLikePersonalDataIsConditionOnly() {
        java.util.regex.Pattern personal = java.util.regex.Pattern.compile(
                "(?i).*(identity|idcard|idnumber|passport|phone|mobile|email|address|account|iban|card|ip)$");
        List<String> missed = new ArrayList<>();
        for (Class<?> type : factTypes()) {
            if (!type.isRecord()) {
                continue;
            }
            for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
                AllowedMembers.Entry entry = AllowedMembers.find(component.getAccessor());
                boolean looksPersonal = personal.matcher(component.getName()).matches()
                        || component.getName().toLowerCase().contains("identityhash");
                if (looksPersonal && (entry == null || entry.kind() != AllowedMembers.Kind.SENSITIVE)) {
                    missed.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    // ---------------------------------------------------------------- the walk

    private static Map<StaticType, Reach> reachable() {
        Map<StaticType, Reach> seen = new LinkedHashMap<>();
        Deque<Reach> pending = new ArrayDeque<>();
        for (Class<?> fact : factTypes()) {
            pending.add(new Reach(StaticType.of(fact), fact, "$f"));
        }
        pending.add(new Reach(StaticType.of(HitBuilder.class), lianshao.facts.Tender.class, "hits.raise(\"x\")"));
        while (!pending.isEmpty()) {
            Reach reach = pending.poll();
            StaticType key = erasedKey(reach.type());
            if (seen.containsKey(key) || reach.type().isNull() || reach.type().raw() == void.class) {
                continue;
            }
            seen.put(key, reach);
            // no-argument methods first, so that each type is reached by the simplest path
            // personal data, and the text of a value holding some, is no path: a consequence may not read it (PersonalDataRuleTest)
            List<Method> methods = methodsOf(reach.type()).stream()
                    .filter(m -> AllowedMembers.find(m) != null && AllowedMembers.find(m).kind() != AllowedMembers.Kind.SENSITIVE)
                    .filter(m -> !AllowedMembers.mayCarryPersonalData(reach.type())
                            || !List.of("toString", "hashCode").contains(m.getName()))
                    .sorted((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount())).toList();
            for (Method m : methods) {
                StaticType result = reach.type().returnType(m);
                if (result.raw() == void.class) {
                    continue;
                }
                pending.add(new Reach(result.boxed(), reach.root(), reach.expression() + "." + m.getName() + arguments(m, false)));
                for (StaticType argument : result.arguments()) {
                    String element = result.isCollection() && List.class.isAssignableFrom(result.raw()) ? ".get(0)" : null;
                    if (element != null) {
                        pending.add(new Reach(argument, reach.root(), reach.expression() + "." + m.getName() + arguments(m, false)
                                + element));
                    } else if (java.util.Map.class.isAssignableFrom(result.raw())) {
                        pending.add(new Reach(result.arguments().get(1), reach.root(), reach.expression() + "." + m.getName()
                                + arguments(m, false) + ".get(null)"));
                    }
                }
            }
        }
        return seen;
    }

    private static StaticType erasedKey(StaticType type) {
        return StaticType.of(type.boxed().raw());
    }

    private static List<Class<?>> factTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (AllowedMembers.Entry entry : AllowedMembers.entries()) {
            Class<?> type = entry.type();
            if (type.getPackageName().equals("lianshao.facts") && !type.isInterface() && !types.contains(type)) {
                types.add(type);
            }
        }
        return types;
    }

    private static List<Method> methodsOf(StaticType type) {
        Class<?> raw = type.boxed().raw();
        List<Method> all = new ArrayList<>(Arrays.asList(raw.getMethods()));
        if (raw.isInterface()) {
            all.addAll(Arrays.asList(Object.class.getMethods()));
        }
        return all.stream().filter(m -> !m.isBridge() && !m.isSynthetic()).distinct().toList();
    }

    private static void safeResult(StaticType result, String method, List<String> failures) {
        Class<?> raw = result.raw();
        if (raw.isArray() || FORBIDDEN_RESULTS.stream().anyMatch(f -> f.isAssignableFrom(raw) && f != Object.class)
                || FORBIDDEN_PACKAGES.stream().anyMatch(p -> raw.getName().startsWith(p))) {
            failures.add(method + " returns " + result);
        }
        for (StaticType argument : result.arguments()) {
            safeResult(argument, method + " (type argument)", failures);
        }
    }

    // ---------------------------------------------------------------- rules that call a method

    /** Literal arguments of the method's parameter types; references are null. */
    private static String arguments(Method m, boolean condition) {
        return Arrays.stream(m.getParameterTypes()).map(p -> {
            if (p == int.class || p == short.class || p == byte.class) {
                return "0";
            }
            if (p == long.class) {
                return "0L";
            }
            if (p == double.class || p == float.class) {
                return "0.0";
            }
            if (p == boolean.class) {
                return "false";
            }
            if (p == char.class) {
                return condition ? "\"c\"" : "'c'";
            }
            return p == String.class ? "\"x\"" : "null";
        }).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String consequenceRule(Reach reach, String expression) {
        // a value that holds personal data may be compared in a consequence, not shown
        String then = expression.startsWith("hits.raise") ? expression + ";"
                : AllowedMembers.mayCarryPersonalData(reach.type()) ? "hits.raise(\"x\").escalateIf(" + expression + " != null, 2, \"x\");"
                : "hits.raise(\"x\").evidence(\"v\", " + expression + ");";
        return DrlSafetyCheckTest.rule(pattern(reach.root()), then);
    }

    private static String conditionRule(Reach reach, String expression) {
        String e = expression.startsWith(".") ? "$f" + expression : expression;
        return DrlSafetyCheckTest.rule(pattern(reach.root()) + "\n    Thresholds( " + e + " != null )", "hits.raise(\"x\");");
    }

    private static String pattern(Class<?> root) {
        return "$f : " + root.getSimpleName() + "(" + (RecordFact.class.isAssignableFrom(root) ? " current " : "") + ")";
    }

    private List<String> problems(String drl) {
        try {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg = parser.parse(true, new StringReader(drl));
            assertThat(parser.hasErrors()).as(drl).isFalse();
            List<RuleProblem> problems = new ArrayList<>();
            check.checkPackage("x.drl", drl, pkg, problems);
            return problems.stream().map(RuleProblem::message).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String signature(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
