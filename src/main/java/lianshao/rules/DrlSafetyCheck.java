package lianshao.rules;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The static safety check every rule set passes before it reaches the Drools builder. DRL is code:
 * compiling alone evaluates metadata expressions and a consequence may call any Java, and Drools has no
 * sandbox. So the parsed package (parsing evaluates nothing) and its raw text are checked against an
 * allow-list of what rules of this service need:
 * <ul>
 * <li>imports of {@code lianshao.facts} and a few JDK value types; the one global {@code hits};</li>
 * <li>{@code declare} only of new fact types with plain fields ({@link DeclareCheck}), read through
 * their fields and inserted only by derivation rules that match no declared type themselves;</li>
 * <li>no {@code function}, {@code query}, {@code eval}, function or accumulate imports,
 * package attributes, pattern annotations, named consequences, unicode escapes;</li>
 * <li>patterns over fact types, constraints without object creation, static calls or assignments,
 * {@code from} only as a property/method chain of a bound variable, {@code accumulate} only with the
 * built-in functions;</li>
 * <li>every method call and property read, in constraints, {@code from} sources, accumulate arguments
 * and consequences, resolved on the static type of its receiver ({@link TypedExpressions}) and on the
 * allow-list {@link AllowedMembers}: no name deny-list, what cannot be resolved is refused;</li>
 * <li>every pattern tied to the current record ({@code current}, or an equality, membership or fact
 * method relating it to a variable bound from the current record or a one-per-session fact); one free
 * pattern per rule at most, so that no rule needs an unbounded join;</li>
 * <li>personal data ({@link AllowedMembers.Kind#SENSITIVE}) tested in conditions for equality, emptiness
 * and length only, and never reaching a consequence: not directly, not through a variable bound to it (or
 * from it, through {@code from}, {@code accumulate} or {@code collect}), not as the text of a whole fact;</li>
 * <li>consequences that only record a hit (or, in derivation rules, insert a derived fact);</li>
 * <li>limits on rules, patterns per rule and {@code or} nesting.</li>
 * </ul>
 * Metadata values are checked to be plain literals by {@link RuleMetadataReader}.
 */
public final class DrlSafetyCheck {

    static final Set<String> JDK_IMPORTS = Set.of("java.math.BigDecimal", "java.time.LocalDate", "java.time.OffsetDateTime",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection");
    private static final Map<String, Class<?>> LANG_TYPES = Map.of("String", String.class, "Object", Object.class,
            "Number", Number.class, "Integer", Integer.class, "Long", Long.class, "Double", Double.class, "Boolean", Boolean.class);
    /** Facts of which a session holds exactly one: a pattern over them needs no tie to the current record. */
    private static final Set<Class<?>> SINGLETONS = Set.of(lianshao.facts.Thresholds.class, lianshao.facts.WorkCalendar.class,
            lianshao.facts.Jurisdiction.class);
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "sumBD", "count", "collectList", "min", "max",
            "average", "collectSet");
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active");
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s*:(?!=)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,6}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final String FACTS = "lianshao.facts.";

    private final SafetyLimits limits;

    public DrlSafetyCheck(SafetyLimits limits) {
        this.limits = limits;
    }

    /** Rules in the whole set. */
    public void checkRuleCount(int rules, List<RuleProblem> problems) {
        if (rules > limits.maxRules()) {
            problems.add(new RuleProblem("", 0, 0, "规则集共 " + rules + " 条规则，超过上限 " + limits.maxRules()
                    + " / the rule set has " + rules + " rules, more than the limit of " + limits.maxRules()));
        }
    }

    /** Raw text, before parsing: size and unicode escapes (javac reads them before anything else). */
    public boolean checkText(String file, String text, List<RuleProblem> problems) {
        if (text.length() > limits.maxFileChars()) {
            problems.add(new RuleProblem(file, 0, 0, "文件过大（" + text.length() + " 字符，上限 " + limits.maxFileChars()
                    + "） / file too large (" + text.length() + " characters, limit " + limits.maxFileChars() + ")"));
            return false;
        }
        Matcher m = UNICODE_ESCAPE.matcher(text);
        if (m.find()) {
            int[] at = TextPositions.lineAndColumn(text, m.start());
            problems.add(new RuleProblem(file, at[0], at[1], "不允许使用 \\u 转义（Java 编译器会在一切之前解析它） / \\u escapes are "
                    + "not allowed (the Java compiler decodes them before anything else); write the character itself"));
            return false;
        }
        return true;
    }

    /** The parsed package of one file, on its own: it may use the types it declares itself. */
    public void checkPackage(String file, String text, PackageDescr pkg, List<RuleProblem> problems) {
        checkPackage(file, text, pkg, declarations(Map.of(file, pkg), problems), problems);
    }

    /**
     * The types the files declare ({@code declare}), by qualified name. Each declaration is checked
     * ({@link DeclareCheck}); one refused is left out, so that a rule using it is refused as well.
     */
    Map<String, DeclaredType> declarations(Map<String, PackageDescr> packages, List<RuleProblem> problems) {
        Map<String, DeclaredType> declared = new LinkedHashMap<>();
        packages.forEach((file, pkg) -> {
            FileCheck imports = new FileCheck(file, "", pkg, Map.of(), problems);
            new DeclareCheck(file, pkg, imports::resolveType, problems).check(declared);
        });
        DeclareCheck.inherit(declared, problems);
        return declared;
    }

    /** The parsed package of one file of a rule set, whose files declared {@code declared}. */
    void checkPackage(String file, String text, PackageDescr pkg, Map<String, DeclaredType> declared, List<RuleProblem> problems) {
        new FileCheck(file, text, pkg, declared, problems).run();
    }

    private final class FileCheck {
        private final String file;
        private final String text;
        private final PackageDescr pkg;
        private final List<RuleProblem> problems;
        private final Map<String, String> importedTypes = new java.util.HashMap<>();
        private final Map<String, DeclaredType> declared;
        private boolean allFacts;

        FileCheck(String file, String text, PackageDescr pkg, Map<String, DeclaredType> declared, List<RuleProblem> problems) {
            this.file = file;
            this.text = text;
            this.pkg = pkg;
            this.declared = declared;
            this.problems = problems;
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget().trim();
                if (target.equals(FACTS + "*")) {
                    allFacts = true;
                } else if (JDK_IMPORTS.contains(target) || isFactClass(target)) {
                    importedTypes.put(target.substring(target.lastIndexOf('.') + 1), target);
                }
            }
        }

        void run() {
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget().trim();
                if (!target.equals(FACTS + "*") && !JDK_IMPORTS.contains(target) && !isFactClass(target)) {
                    add(i, "不允许导入 " + target + "；只能导入 lianshao.facts.* 与 " + JDK_IMPORTS.stream().sorted().toList()
                            + " / import of " + target + " is not allowed; import lianshao.facts.* and these JDK value types only");
                }
            }
            pkg.getFunctionImports().forEach(d -> add(d, "不允许 import function / function imports are not allowed"));
            pkg.getAccumulateImports().forEach(d -> add(d, "不允许 import accumulate / accumulate imports are not allowed"));
            pkg.getFunctions().forEach(d -> add(d, "不允许定义函数 function " + d.getName() + " / functions are not allowed"));
            pkg.getEnumDeclarations().forEach(d -> add(d, "不允许 declare enum（只能 declare 带字段的事实类型） / declare enum is not "
                    + "allowed (declare fact types with fields only)"));
            pkg.getWindowDeclarations().forEach(d -> add(d, "不允许 declare window（只能 declare 带字段的事实类型） / declare window is not "
                    + "allowed (declare fact types with fields only)"));
            pkg.getEntryPointDeclarations().forEach(d -> add(d, "不允许 entry-point 声明 / entry-point declarations are not allowed"));
            if (!pkg.getAttributes().isEmpty()) {
                pkg.getAttributes().forEach(a -> add(a, "不允许包级属性 " + a.getName() + " / package attributes are not allowed: "
                        + a.getName()));
            }
            for (GlobalDescr global : pkg.getGlobals()) {
                String type = global.getType().trim();
                if (!global.getIdentifier().equals("hits") || !(type.equals("Hits") || type.equals(FACTS + "Hits"))) {
                    add(global, "只允许全局变量 global Hits hits，不允许 global " + type + " " + global.getIdentifier()
                            + " / the only global allowed is \"global Hits hits\"");
                }
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (rule instanceof QueryDescr) {
                    add(rule, "不允许 query " + rule.getName() + " / queries are not allowed");
                } else {
                    new RuleCheck(this, rule).run();
                }
            }
        }

        /** The type a pattern names: a type declared in the file's package, a fact type or an allowed JDK type; null otherwise. */
        StaticType patternType(String type) {
            String name = type.trim();
            DeclaredType own = declared.get(name.startsWith(pkg.getName() + ".") ? name : pkg.getName() + "." + name);
            if (own != null) {
                return StaticType.of(own);
            }
            Class<?> resolved = resolveType(name);
            return resolved == null ? null : StaticType.of(resolved);
        }

        /** The class a name stands for, if it is a fact type or an allowed JDK type; null otherwise. */
        Class<?> resolveType(String type) {
            String name = type.trim();
            if (name.contains(".")) {
                return JDK_IMPORTS.contains(name) || isFactClass(name) ? load(name) : null;
            }
            if (LANG_TYPES.containsKey(name)) {
                return LANG_TYPES.get(name);
            }
            if (importedTypes.containsKey(name)) {
                return load(importedTypes.get(name));
            }
            return allFacts && isFactClass(FACTS + name) ? load(FACTS + name) : null;
        }

        void add(BaseDescr descr, String message) {
            problems.add(new RuleProblem(file, Math.max(descr.getLine(), 0), Math.max(descr.getColumn() + 1, 0), message));
        }

        void add(int line, int column, String message) {
            problems.add(new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), message));
        }
    }

    private final class RuleCheck {
        private final FileCheck fileCheck;
        private final RuleDescr rule;
        /** Variables bound so far, with their static types (null when the binding itself was refused). */
        private final Map<String, StaticType> bound = new LinkedHashMap<>();
        /** Variables whose values are tied to the current record (or a singleton such as the thresholds). */
        private final Set<String> tied = new HashSet<>();
        /** Variables holding personal data or a value derived from it, with the member it came from: never read by the consequence. */
        private final Map<String, String> sensitive = new LinkedHashMap<>();
        /** The personal-data member the last {@code from} source read, or null. */
        private String fromSensitive;
        /** The personal-data member the elements of the last pattern walked come from, or null. */
        private String lastPatternSensitive;
        private int patterns;
        private int untied;
        /** A declared type the conditions match, or null: a rule that reads one may not insert facts. */
        private String readsDeclared;
        private int before;

        RuleCheck(FileCheck fileCheck, RuleDescr rule) {
            this.fileCheck = fileCheck;
            this.rule = rule;
        }

        void run() {
            before = fileCheck.problems.size();
            attributes();
            if (!rule.getNamedConsequences().isEmpty()) {
                fail(rule, "不允许命名结论 then[...] / named consequences are not allowed");
            }
            long alternatives = condition(rule.getLhs(), 0);
            if (patterns > limits.maxPatternsPerRule()) {
                fail(rule, patterns + " 个模式，超过每条规则的上限 " + limits.maxPatternsPerRule() + " / " + patterns
                        + " patterns, more than the limit of " + limits.maxPatternsPerRule() + " per rule");
            }
            if (alternatives > limits.maxAlternatives()) {
                fail(rule, "or 展开后有 " + alternatives + " 种组合，超过上限 " + limits.maxAlternatives() + " / the or branches unfold into "
                        + alternatives + " alternatives, more than the limit of " + limits.maxAlternatives());
            }
            if (fileCheck.problems.size() == before) {
                consequence();
            }
        }

        private void attributes() {
            for (Map.Entry<String, AttributeDescr> e : rule.getAttributes().entrySet()) {
                String name = e.getKey();
                String value = e.getValue().getValue() == null ? "" : e.getValue().getValue().trim();
                boolean ok = name.equals("salience") ? INTEGER.matcher(value).matches()
                        : FLAG_ATTRIBUTES.contains(name) && (value.isEmpty() || value.equals("true") || value.equals("false"));
                if (!ok) {
                    fail(e.getValue(), "不允许规则属性 " + name + " " + value + "（只允许整数 salience、no-loop、lock-on-active） / rule "
                            + "attribute not allowed: " + name + " " + value + " (only an integer salience, no-loop, lock-on-active)");
                }
            }
        }

        /** Walks a condition; returns how many alternatives it unfolds into. */
        private long condition(BaseDescr descr, int orDepth) {
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern, orDepth);
                return 1;
            }
            if (descr instanceof OrDescr or) {
                if (orDepth + 1 > limits.maxOrDepth()) {
                    fail(or, "or 嵌套超过 " + limits.maxOrDepth() + " 层 / or nested deeper than " + limits.maxOrDepth());
                }
                long sum = 0;
                for (BaseDescr child : or.getDescrs()) {
                    sum = saturated(sum + condition(child, orDepth + 1));
                }
                return sum;
            }
            if (descr instanceof AndDescr || descr instanceof NotDescr || descr instanceof ExistsDescr
                    || descr instanceof ForallDescr) {
                long product = 1;
                for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                    product = saturated(product * condition(child, orDepth));
                }
                return descr instanceof AndDescr ? product : 1;
            }
            String name = descr.getClass().getSimpleName().replace("Descr", "").toLowerCase();
            fail(descr, "条件中不允许 " + name + "（如 eval、collect、条件分支） / " + name + " is not allowed in a condition");
            return 1;
        }

        private void pattern(PatternDescr pattern, int orDepth) {
            patterns++;
            if (pattern.isQuery()) {
                fail(pattern, "不允许调用 query / query calls are not allowed");
            }
            if (!pattern.getAnnotations().isEmpty()) {
                fail(pattern, "模式上不允许注解 / annotations on patterns are not allowed");
            }
            StaticType patternType = fileCheck.patternType(pattern.getObjectType());
            Class<?> type = patternType == null ? null : patternType.raw();
            if (type == null) {
                fail(pattern, "模式类型 " + pattern.getObjectType() + " 不是事实类型（lianshao.facts、本包 declare 的类型或允许的 JDK 值类型） / "
                        + "pattern type " + pattern.getObjectType() + " is not a fact type of lianshao.facts, a type declared in this "
                        + "package or an allowed JDK value type");
            } else if (patternType.isDeclared()) {
                readsDeclared = patternType.declared().name();
                if (pattern.getSource() instanceof FromDescr) {
                    fail(pattern, "声明的类型 " + readsDeclared + " 只能在工作内存中匹配，不能用 from / a declared type is matched in "
                            + "working memory, not with from: " + readsDeclared);
                }
            }
            // the source first: from and accumulate read variables bound before the pattern, and bind the accumulated results
            boolean isTied = type != null && SINGLETONS.contains(type);
            PatternSourceDescr source = pattern.getSource();
            String selfSensitive = null;
            if (source instanceof FromDescr from) {
                fromSensitive = null;
                isTied |= from(pattern, from);
                selfSensitive = fromSensitive;
            } else if (source != null && source.getClass() == AccumulateDescr.class) {
                // the result pattern ($m : String() from accumulate(..., max($ph))) holds what the functions read
                selfSensitive = accumulate((AccumulateDescr) source, orDepth);
                isTied = true; // one result per combination of the patterns before it
            } else if (source instanceof org.drools.drl.ast.descr.CollectDescr collect && collect.getInputPattern() != null) {
                // collect( Pattern(...) ): a list of matching facts, no code
                StaticType element = fileCheck.patternType(collect.getInputPattern().getObjectType());
                pattern(collect.getInputPattern(), orDepth);
                selfSensitive = lastPatternSensitive; // collect( String() from $p.phone ) is a list of phones
                if (type != null && element != null && !patternType.isDeclared() && java.util.Collection.class.isAssignableFrom(type)) {
                    patternType = StaticType.of(type, element);
                }
                isTied = true;
            } else if (source != null) {
                String name = source.getClass().getSimpleName().replace("Descr", "");
                fail(pattern, "不允许的数据来源 " + name + "（只允许 from $x.属性、accumulate 与 collect） / source not allowed: " + name
                        + " (only from $x.property, accumulate and collect)");
            }
            List<String> bindings = new ArrayList<>();
            for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                TypedExpressions.Constraint checked = constraint(constraint, patternType, selfSensitive);
                if (checked == null) {
                    continue;
                }
                isTied |= checked.value().current() || checked.value().links().stream().anyMatch(tied::contains);
                if (checked.binding() != null) {
                    bindings.add(checked.binding());
                }
            }
            if (pattern.getIdentifier() != null) {
                if (selfSensitive != null) {
                    sensitive.put(pattern.getIdentifier(), selfSensitive);
                }
                bound.put(pattern.getIdentifier(), patternType);
                bindings.add(pattern.getIdentifier());
            }
            lastPatternSensitive = selfSensitive;
            if (isTied) {
                tied.addAll(bindings);
            } else if (type != null && ++untied > 1) {
                fail(pattern, "模式 " + pattern.getObjectType() + "(...) 与当前记录没有关联：请写 current，或用 ==、memberOf、contains "
                        + "或以事实为参数的方法把它与当前记录（或由它绑定的变量）联系起来。每条规则最多一个这样的模式，否则需要无界的连接 / "
                        + "pattern " + pattern.getObjectType() + "(...) is not tied to the current record: constrain it with current, or "
                        + "relate it by ==, memberOf, contains or a fact method taking a fact to the current record or a variable bound "
                        + "from it. A rule may have one such pattern at most; more would need an unbounded join");
            }
        }

        /** A from source; true when it reads a variable tied to the current record. */
        private boolean from(PatternDescr pattern, FromDescr from) {
            String expression = from.getDataSource() == null ? "" : from.getDataSource().toString();
            try {
                List<DrlToken> tokens = TypedExpressions.tokenize(expression);
                DrlToken first = tokens.get(0);
                if (!first.isIdentifier() || !bound.containsKey(first.text())) {
                    fail(pattern, "from 只能取已绑定变量的属性或方法，如 $a.guardianRefs() / from must read a property or method of a bound "
                            + "variable, such as $a.guardianRefs()：from " + expression);
                    return false;
                }
                TypedExpressions.Source read = TypedExpressions.source(expression, bound, sensitive, "from");
                TypedExpressions.Value value = read.value();
                fromSensitive = read.sensitive();
                // the pattern's type is what the rule reads the elements as: it must be what the source gives
                StaticType element = value.type() != null && value.type().isCollection() ? value.type().elementType() : value.type();
                Class<?> declared = fileCheck.resolveType(pattern.getObjectType());
                if (declared != null && element != null && element.raw() != Object.class
                        && !StaticType.of(declared).boxed().raw().isAssignableFrom(element.boxed().raw())) {
                    fail(pattern, "from 给出的是 " + element + "，不是模式的类型 " + pattern.getObjectType() + " / from gives " + element
                            + ", not the pattern's type " + pattern.getObjectType() + "：from " + expression);
                }
                return value.variables().stream().anyMatch(tied::contains);
            } catch (TypedExpressions.Refused refused) {
                fail(pattern, refused.getMessage() + "：from " + expression);
                return false;
            }
        }

        private TypedExpressions.Constraint constraint(BaseDescr constraint, StaticType patternType, String selfSensitive) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                fail(constraint, "不允许的约束：" + constraint.getText() + " / constraint not allowed: " + constraint.getText());
                return null;
            }
            String text = expr.getExpression();
            try {
                if (patternType == null) {
                    return null;
                }
                TypedExpressions.Constraint checked = TypedExpressions.constraint(text, bound, patternType, sensitive, selfSensitive);
                if (checked.binding() != null) {
                    bound.put(checked.binding(), checked.bindingType());
                    if (checked.bindingSensitive() != null) {
                        sensitive.put(checked.binding(), checked.bindingSensitive());
                    }
                }
                return checked;
            } catch (TypedExpressions.Refused refused) {
                Matcher binding = BINDING.matcher(text);
                if (binding.find()) {
                    bound.put(binding.group(1), null);
                }
                fail(constraint, refused.getMessage() + "：" + text);
                return null;
            }
        }

        /** Checks an accumulate; returns the personal-data member its functions read, or null. */
        private String accumulate(AccumulateDescr accumulate, int orDepth) {
            if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
                    || accumulate.getReverseCode() != null || accumulate.getResultCode() != null
                    || !accumulate.isExternalFunction()) {
                fail(accumulate, "accumulate 不允许 init/action/reverse/result 代码，只能用内置函数 " + ACCUMULATE_FUNCTIONS
                        + " / accumulate may not carry init/action/reverse/result code; use the built-in functions");
                return null;
            }
            String read = null;
            if (accumulate.getInput() != null) {
                condition(accumulate.getInput(), orDepth);
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    fail(accumulate, "不允许的 accumulate 函数 " + function.getFunction() + "（只允许 " + ACCUMULATE_FUNCTIONS
                            + "） / accumulate function not allowed: " + function.getFunction());
                    continue;
                }
                List<StaticType> arguments = new ArrayList<>();
                String argumentSensitive = null;
                for (String parameter : function.getParams()) {
                    try {
                        TypedExpressions.Source source = TypedExpressions.source(parameter, bound, sensitive, "accumulate");
                        arguments.add(source.value().type());
                        argumentSensitive = argumentSensitive != null ? argumentSensitive : source.sensitive();
                    } catch (TypedExpressions.Refused refused) {
                        fail(accumulate, refused.getMessage() + "：" + parameter);
                        arguments.add(null);
                    }
                }
                if (function.getBind() != null) {
                    // min, max or collectList of personal data is personal data (count is not, but nothing needs it)
                    if (argumentSensitive != null) {
                        sensitive.put(function.getBind(), argumentSensitive);
                    }
                    bound.put(function.getBind(), resultType(function.getFunction(), arguments));
                    tied.add(function.getBind());
                }
                read = read != null ? read : argumentSensitive;
            }
            return read;
        }

        private void consequence() {
            Object consequence = rule.getConsequence();
            if (consequence == null) {
                return;
            }
            if (!(consequence instanceof String code)) {
                fail(rule, "无法检查的结论 / consequence cannot be checked");
                return;
            }
            try {
                ConsequenceCheck.check(code, bound, sensitive, RuleMetadataReader.isDerivation(rule),
                        name -> fileCheck.patternType(name) != null ? fileCheck.patternType(name).declared() : null, readsDeclared);
            } catch (ConsequenceCheck.Refused refused) {
                int[] at = consequencePosition(code, refused.offset);
                fileCheck.add(at[0], at[1], "规则 \"" + rule.getName() + "\": " + refused.getMessage());
            }
        }

        /** Where in the file an offset of the consequence text lies. */
        private int[] consequencePosition(String code, int offset) {
            String text = fileCheck.text;
            int from = Math.max(TextPositions.lineStart(text, Math.max(rule.getConsequenceLine(), 1)), 0);
            String probe = code.strip();
            int start = probe.isEmpty() ? -1 : text.indexOf(probe.substring(0, Math.min(40, probe.length())), from);
            if (start < 0) {
                return new int[] {Math.max(rule.getConsequenceLine(), rule.getLine()), 0};
            }
            int leading = code.length() - code.stripLeading().length();
            return TextPositions.lineAndColumn(text, start + Math.max(offset - leading, 0));
        }

        private void fail(BaseDescr descr, String message) {
            int line = descr.getLine() > 0 ? descr.getLine() : rule.getLine();
            int column = descr.getLine() > 0 ? descr.getColumn() + 1 : 0;
            fileCheck.add(line, column, "规则 \"" + rule.getName() + "\": " + message);
        }
    }

    /**
     * The type an accumulate function gives, as Drools picks it: {@code sum} follows its input
     * (int, long, BigDecimal) or gives a double; {@code min}/{@code max} give one of the inputs.
     */
    static StaticType resultType(String function, List<StaticType> arguments) {
        StaticType argument = arguments.isEmpty() || arguments.get(0) == null ? StaticType.OBJECT : arguments.get(0).boxed();
        return switch (function) {
            case "count" -> StaticType.LONG;
            case "sumBD" -> StaticType.DECIMAL;
            case "average" -> StaticType.DOUBLE;
            case "sum" -> argument.equals(StaticType.INTEGER) || argument.equals(StaticType.LONG) || argument.equals(StaticType.DECIMAL)
                    ? argument : StaticType.DOUBLE;
            case "min", "max" -> argument;
            case "collectList" -> StaticType.of(List.class, argument);
            case "collectSet" -> StaticType.of(Set.class, argument);
            default -> null;
        };
    }

    private static long saturated(long value) {
        return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DrlSafetyCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean isFactClass(String name) {
        if (!name.startsWith(FACTS) || name.substring(FACTS.length()).contains(".")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(name, false, DrlSafetyCheck.class.getClassLoader());
            return Modifier.isPublic(type.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
