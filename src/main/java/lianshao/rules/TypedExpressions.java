package lianshao.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import lianshao.facts.Hits;
import lianshao.facts.RecordFact;

/**
 * Reads one expression of a rule — a constraint, a {@code from} source, an accumulate argument, an
 * argument in a consequence — and works out the static type of every part of it. Every method call
 * and every DRL property read ({@code amount}, {@code $t.bids}, {@code a.b.c}, which are getter
 * calls) is resolved on the static type of its receiver and must land on a method of
 * {@link AllowedMembers}. A name that is neither a bound variable nor a property of the pattern, a
 * static reference, object creation, a field, an unknown method: all refused, with the offset of the
 * token and a bilingual reason.
 *
 * <p>Conditions read DRL's MVEL-like syntax (bare properties of the pattern, {@code this},
 * {@code memberOf}, {@code contains}, {@code in}); consequences read Java (only bound variables,
 * only method calls).
 */
final class TypedExpressions {

    enum Mode { CONDITION, CONSEQUENCE }

    /** Why an expression was refused, at the offset of the token that did not fit. */
    static final class Refused extends Exception {
        final int offset;

        Refused(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    /**
     * A part of an expression: its static type; whether it is a computed value (arithmetic or a
     * {@link AllowedMembers.Kind#COMBINES} call) that must not be bound; an integer literal's value;
     * the variables it mentions; the variables it links the pattern to (by equality, membership or a
     * fact-model method taking a fact); whether it says {@code current}.
     */
    record Value(StaticType type, boolean computed, Long literal, Set<String> variables, Set<String> links, boolean current,
            boolean path) {

        static Value of(StaticType type) {
            return new Value(type, false, null, Set.of(), Set.of(), false, false);
        }

        Value as(StaticType newType, boolean newComputed) {
            return new Value(newType, newComputed, null, variables, Set.of(), false, false);
        }
    }

    /**
     * A checked constraint: an optional binding, and the constraint's value; {@code bindingSensitive}
     * names the personal-data member the bound value derives from (null when none).
     */
    record Constraint(String binding, StaticType bindingType, Value value, String bindingSensitive) {
    }

    /** A checked {@code from} source or accumulate argument, and the personal-data member it derives from (or null). */
    record Source(Value value, String sensitive) {
    }

    /** Operators of Java and MVEL that change state or open a block, a lambda, a cast or a null-safe path. */
    private static final Set<String> FORBIDDEN_SYMBOLS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<=", ">>=", ">>>=", "++", "--", "{", "}", ";", "->", "::", "#", "@", "[", "]", ":=", "!.", "...", "~");
    /** DRL operators outside the allow-list: regular expressions (backtracking), sound-alike, temporal, string. */
    private static final Set<String> FORBIDDEN_OPERATORS = Set.of("matches", "soundslike", "str", "excludes", "instanceof",
            "after", "before", "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps",
            "overlappedby", "starts", "startedby");
    private static final Set<String> RELATIONS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final List<Class<?>> NUMERIC = List.of(Byte.class, Short.class, Integer.class, Long.class, Float.class,
            Double.class, BigInteger.class, BigDecimal.class);

    /**
     * Concatenations, arithmetic and combining calls in one constraint or one consequence. Each can
     * make a value as large as its operands together (a text field is at most 4,000 characters), so
     * their number bounds what one expression can allocate; the catalogue's longest message needs
     * fewer than half of them.
     */
    static final int MAX_GROWING_OPERATIONS = 256;

    private final List<DrlToken> tokens;
    private final Map<String, StaticType> variables;
    private int growing;
    private final StaticType self;
    private final Mode mode;
    private int position;
    /** Variables bound to personal data (or to something derived from it), each with the member it came from. */
    private final Map<String, String> sensitiveVariables;
    /** The personal-data member the pattern's own value comes from ({@code String() from $p.phone}), or null. */
    private final String sensitiveSelf;
    /** The first personal-data member (or variable bound to one) this reader read, or null. */
    private String sensitiveRead;
    /** The parts of the expression that are personal data (by identity): their values are only tested, never taken apart. */
    private final Set<Value> personal = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * What a condition may ask of personal data: equality and emptiness, and its length. Anything
     * finer — {@code startsWith}, {@code charAt}, {@code substring}, {@code indexOf}, {@code compareTo},
     * {@code <} — would let a draft's backtest spell a value out, one hit or miss per rule, from prefix
     * to prefix.
     */
    private static final Set<String> PERSONAL_DATA_TESTS = Set.of("equals", "equalsIgnoreCase", "isEmpty", "isBlank", "length");

    TypedExpressions(List<DrlToken> tokens, Map<String, StaticType> variables, StaticType self, Mode mode) {
        this(tokens, variables, self, mode, Map.of(), null);
    }

    TypedExpressions(List<DrlToken> tokens, Map<String, StaticType> variables, StaticType self, Mode mode,
            Map<String, String> sensitiveVariables, String sensitiveSelf) {
        this.tokens = tokens;
        this.variables = variables;
        this.self = self;
        this.mode = mode;
        this.sensitiveVariables = sensitiveVariables;
        this.sensitiveSelf = sensitiveSelf;
    }

    static List<DrlToken> tokenize(String text) throws Refused {
        try {
            return DrlTokenizer.tokenize(text);
        } catch (DrlTokenizer.Unreadable e) {
            throw new Refused(e.getMessage(), e.offset);
        }
    }

    /** A constraint of a pattern of type {@code self}: {@code [$x :] expression}. */
    static Constraint constraint(String text, Map<String, StaticType> variables, StaticType self) throws Refused {
        return constraint(text, variables, self, Map.of(), null);
    }

    /**
     * A constraint, knowing which variables hold personal data and whether the pattern's own value is
     * personal data: a binding that reads either is itself personal data.
     */
    static Constraint constraint(String text, Map<String, StaticType> variables, StaticType self, Map<String, String> sensitive,
            String sensitiveSelf) throws Refused {
        List<DrlToken> tokens = tokenize(text);
        forbiddenSymbols(tokens);
        TypedExpressions reader = new TypedExpressions(tokens, variables, self, Mode.CONDITION, sensitive, sensitiveSelf);
        String binding = null;
        StaticType bindingType = null;
        if (tokens.size() > 2 && tokens.get(0).isIdentifier() && tokens.get(1).is(":")) {
            binding = tokens.get(0).text();
            reader.position = 2;
            Value bound = reader.postfix();
            if (bound.computed()) {
                throw new Refused("绑定的值不能是运算结果（如 multiply、add、concat 或算术），以免逐个模式放大 / a binding may not hold a "
                        + "computed value (multiply, add, concat or arithmetic), which could grow from pattern to pattern: " + binding,
                        tokens.get(0).offset());
            }
            bindingType = bound.type();
            String bindingSensitive = reader.sensitiveRead;
            if (reader.peek().kind() == DrlToken.Kind.END) {
                reader.expectEnd();
                return new Constraint(binding, bindingType, bound, bindingSensitive);
            }
            Value rest = reader.relationAfter(bound);
            rest = reader.continueExpression(rest);
            reader.expectEnd();
            return new Constraint(binding, bindingType, rest, bindingSensitive);
        }
        Value value = reader.expression();
        reader.expectEnd();
        return new Constraint(null, null, value, null);
    }

    /** A {@code from} source or an accumulate argument: an expression whose value is not computed. */
    static Source source(String text, Map<String, StaticType> variables, Map<String, String> sensitive, String what) throws Refused {
        List<DrlToken> tokens = tokenize(text);
        forbiddenSymbols(tokens);
        TypedExpressions reader = new TypedExpressions(tokens, variables, null, Mode.CONDITION, sensitive, null);
        Value value = reader.expression();
        reader.expectEnd();
        if (value.computed()) {
            throw new Refused(what + " 的值不能是运算结果（如 multiply、add、concat 或算术） / " + what + " may not be a computed value "
                    + "(multiply, add, concat or arithmetic)", 0);
        }
        return new Source(value, reader.sensitiveRead);
    }

    private static void forbiddenSymbols(List<DrlToken> tokens) throws Refused {
        for (DrlToken token : tokens) {
            if (token.kind() == DrlToken.Kind.SYMBOL && FORBIDDEN_SYMBOLS.contains(token.text())) {
                throw new Refused("条件中不允许使用 '" + token.text() + "'（赋值、代码块、lambda、强制转换或空安全访问） / '" + token.text()
                        + "' is not allowed in a condition (assignment, block, lambda, cast or null-safe access)", token.offset());
            }
        }
    }

    // ---------------------------------------------------------------- grammar

    Value expression() throws Refused {
        Value condition = or();
        if (peek().is("?")) {
            position++;
            Value a = expression();
            expect(":");
            Value b = expression();
            StaticType type = a.type().isNull() ? b.type() : a.type();
            Value result = new Value(type, a.computed() || b.computed(), null, union(condition.variables(), a.variables(), b.variables()),
                    Set.of(), false, false);
            return personal.contains(a) || personal.contains(b) ? personal(result) : result;
        }
        return condition;
    }

    private Value continueExpression(Value left) throws Refused {
        Value value = left;
        while (peek().is("&&")) {
            position++;
            Value right = relation();
            value = and(value, right);
        }
        while (peek().is("||")) {
            position++;
            Value right = andChain();
            value = or(value, right);
        }
        return value;
    }

    private Value or() throws Refused {
        Value value = andChain();
        while (peek().is("||")) {
            position++;
            value = or(value, andChain());
        }
        return value;
    }

    private Value andChain() throws Refused {
        Value value = relation();
        while (peek().is("&&")) {
            position++;
            value = and(value, relation());
        }
        return value;
    }

    private static Value and(Value a, Value b) {
        return new Value(StaticType.BOOLEAN, false, null, union(a.variables(), b.variables()), union(a.links(), b.links()),
                a.current() || b.current(), false);
    }

    private static Value or(Value a, Value b) {
        Set<String> links = new HashSet<>(a.links());
        links.retainAll(b.links());
        return new Value(StaticType.BOOLEAN, false, null, union(a.variables(), b.variables()), links,
                a.current() && b.current(), false);
    }

    private Value relation() throws Refused {
        return relationAfter(additive());
    }

    /** A comparison or membership test whose left side has been read. */
    private Value relationAfter(Value left) throws Refused {
        DrlToken op = peek();
        if (op.isIdentifier() && FORBIDDEN_OPERATORS.contains(op.text())) {
            throw new Refused("不允许使用运算符 " + op.text() + " / the operator " + op.text() + " is not allowed", op.offset());
        }
        boolean negated = false;
        if (mode == Mode.CONDITION && op.is("not") && isMembership(tokens.get(position + 1))) {
            negated = true;
            position++;
            op = peek();
        }
        if (op.kind() == DrlToken.Kind.SYMBOL && RELATIONS.contains(op.text())) {
            position++;
            Value right = additive();
            if (!op.is("==") && !op.is("!=")) {
                refusePersonal(left, op);
                refusePersonal(right, op);
            }
            Set<String> links = op.is("==") ? union(left.variables(), right.variables()) : Set.of();
            boolean current = op.is("==") && (left.current() && isTrue(right) || right.current() && isTrue(left));
            return new Value(StaticType.BOOLEAN, false, null, union(left.variables(), right.variables()), links, current, false);
        }
        if (mode == Mode.CONDITION && isMembership(op)) {
            position++;
            List<Value> right = new ArrayList<>();
            if (op.is("in")) {
                expect("(");
                right.add(expression());
                while (peek().is(",")) {
                    position++;
                    right.add(expression());
                }
                expect(")");
            } else {
                right.add(additive());
            }
            Set<String> variables = new HashSet<>(left.variables());
            right.forEach(v -> variables.addAll(v.variables()));
            return new Value(StaticType.BOOLEAN, false, null, variables, negated ? Set.of() : variables, false, false);
        }
        return left;
    }

    private static boolean isMembership(DrlToken token) {
        return token.is("memberOf") || token.is("contains") || token.is("in");
    }

    private static boolean isTrue(Value v) {
        return v.type().equals(StaticType.BOOLEAN) && v.variables().isEmpty() && v.literal() != null && v.literal() == 1;
    }

    private Value additive() throws Refused {
        Value value = multiplicative();
        while (peek().kind() == DrlToken.Kind.SYMBOL && (peek().is("+") || peek().is("-"))) {
            boolean plus = peek().is("+");
            grow(peek());
            position++;
            DrlToken op = tokens.get(position - 1);
            Value right = multiplicative();
            boolean text = plus && (isText(value.type()) || isText(right.type()));
            refusePersonal(value, op);
            refusePersonal(right, op);
            if (text) {
                refuseRendering(value, op);
                refuseRendering(right, op);
            }
            StaticType type = text ? StaticType.STRING : arithmetic(value.type(), right.type());
            value = new Value(type, true, null, union(value.variables(), right.variables()), Set.of(), false, false);
        }
        return value;
    }

    private Value multiplicative() throws Refused {
        Value value = unary();
        while (peek().kind() == DrlToken.Kind.SYMBOL && (peek().is("*") || peek().is("/") || peek().is("%"))) {
            grow(peek());
            DrlToken op = next();
            Value right = unary();
            refusePersonal(value, op);
            refusePersonal(right, op);
            value = new Value(arithmetic(value.type(), right.type()), true, null, union(value.variables(), right.variables()),
                    Set.of(), false, false);
        }
        return value;
    }

    private void grow(DrlToken at) throws Refused {
        if (++growing > MAX_GROWING_OPERATIONS) {
            throw new Refused("一个表达式中的拼接与运算超过 " + MAX_GROWING_OPERATIONS + " 次 / more than " + MAX_GROWING_OPERATIONS
                    + " concatenations and arithmetic operations in one constraint or consequence", at.offset());
        }
    }

    int growing() {
        return growing;
    }

    private Value unary() throws Refused {
        if (peek().is("!")) {
            position++;
            Value v = unary();
            return new Value(StaticType.BOOLEAN, v.computed(), null, v.variables(), Set.of(), false, false);
        }
        if (peek().is("-")) {
            position++;
            Value v = unary();
            return new Value(v.type(), v.computed(), v.literal() == null ? null : -v.literal(), v.variables(), Set.of(), false, false);
        }
        return postfix();
    }

    /** A primary followed by property reads and method calls. */
    Value postfix() throws Refused {
        Value value = primary();
        while (peek().is(".")) {
            position++;
            DrlToken name = name();
            if (peek().is("(")) {
                value = call(value, name, arguments());
            } else if (mode == Mode.CONSEQUENCE) {
                throw new Refused("只能调用方法，不能访问字段：" + name.text() + " / only method calls are allowed, not field access: "
                        + name.text(), name.offset());
            } else {
                value = property(value, name);
            }
        }
        return value;
    }

    private Value primary() throws Refused {
        DrlToken token = next();
        switch (token.kind()) {
            case STRING:
                return Value.of(StaticType.STRING);
            case CHAR:
                return Value.of(mode == Mode.CONDITION ? StaticType.STRING : StaticType.of(Character.class));
            case NUMBER:
                return number(token);
            case END:
                throw new Refused("表达式不完整 / the expression is incomplete", token.offset());
            default:
                break;
        }
        if (token.is("(")) {
            Value inner = expression();
            expect(")");
            if (peek().isIdentifier() || peek().isLiteral() || peek().is("(")) {
                throw new Refused("不允许强制类型转换 / casts are not allowed", peek().offset());
            }
            return inner;
        }
        if (!token.isIdentifier()) {
            throw new Refused("无法识别的表达式 " + shown(token) + " / unexpected " + shown(token), token.offset());
        }
        String name = token.text();
        switch (name) {
            case "true":
                return new Value(StaticType.BOOLEAN, false, 1L, Set.of(), Set.of(), false, false);
            case "false":
                return new Value(StaticType.BOOLEAN, false, 0L, Set.of(), Set.of(), false, false);
            case "null":
                return Value.of(StaticType.NULL);
            case "new":
                throw new Refused("不允许创建对象（new） / object creation (new) is not allowed", token.offset());
            case "this":
                if (mode == Mode.CONDITION && self != null) {
                    readSensitive(sensitiveSelf);
                    Value value = new Value(self, false, null, Set.of(), Set.of(), false, true);
                    return sensitiveSelf != null ? personal(value) : value;
                }
                throw new Refused("此处不能使用 this / this cannot be used here", token.offset());
            default:
                break;
        }
        boolean variable = variables.containsKey(name);
        if (mode == Mode.CONSEQUENCE) {
            if (!variable && name.equals(HITS)) {
                return wording(token);
            }
            if (!variable) {
                refuseStatic(token);
                throw new Refused("结论中只能使用条件中绑定的变量，不允许 " + name + " / only variables bound in the conditions may be used "
                        + "in a consequence, not " + name, token.offset());
            }
            if (peek().is("(")) {
                throw new Refused("结论中不允许调用函数 " + name + " / function calls are not allowed in a consequence: " + name,
                        token.offset());
            }
            return variable(name);
        }
        if (peek().is("(")) {
            refuseStatic(token);
            if (self == null) {
                throw new Refused("无法确定 " + name + "(...) 的接收者 / cannot tell what " + name + "(...) is called on", token.offset());
            }
            readSensitive(sensitiveSelf);
            Value receiver = new Value(self, false, null, Set.of(), Set.of(), false, true);
            if (sensitiveSelf != null) {
                personal(receiver);
            }
            return call(receiver, token, arguments());
        }
        boolean property = self != null && hasProperty(self, name);
        if (variable && property) {
            throw new Refused(name + " 既是绑定变量又是 " + self + " 的属性，含义不明 / " + name + " is both a bound variable and a property of "
                    + self + "; rename the variable", token.offset());
        }
        if (variable) {
            return variable(name);
        }
        if (self == null) {
            refuseStatic(token);
            throw new Refused("无法确定 " + name + " 的类型：它不是已绑定的变量 / cannot resolve the type of " + name + ": it is not a bound "
                    + "variable", token.offset());
        }
        if (!property) {
            refuseStatic(token);
        }
        readSensitive(sensitiveSelf);
        Value receiver = new Value(self, false, null, Set.of(), Set.of(), false, true);
        if (sensitiveSelf != null) {
            personal(receiver);
        }
        Value value = property(receiver, token);
        boolean current = name.equals("current") && RecordFact.class.isAssignableFrom(self.raw());
        Value result = new Value(value.type(), value.computed(), null, value.variables(), value.links(), current, true);
        return personal.contains(value) ? personal(result) : result;
    }

    /**
     * {@code hits.party(...)}, {@code hits.yuan(...)} and the other wording methods of the hit API inside a message;
     * the hit chain itself ({@code hits.raise}) is read by {@link ConsequenceCheck} and may not be nested.
     */
    private Value wording(DrlToken token) throws Refused {
        if (!peek().is(".") || position + 1 >= tokens.size() || !WORDING.contains(tokens.get(position + 1).text())) {
            throw new Refused("结论中 hits 只能用于 hits.raise(...) 调用链及说明中的 " + WORDING + " / within a consequence, hits "
                    + "serves only the hits.raise(...) chain and the wording methods " + WORDING + " in a message", token.offset());
        }
        return Value.of(StaticType.of(Hits.class));
    }

    private static final String HITS = "hits";

    /** The methods of {@link Hits} that word a mention in a message: all but {@code raise}. */
    private static final SortedSet<String> WORDING = Arrays.stream(Hits.class.getDeclaredMethods())
            .map(Method::getName).filter(n -> !n.equals("raise"))
            .collect(Collectors.toCollection(TreeSet::new));

    private Value variable(String name) throws Refused {
        String sensitive = sensitiveVariables.get(name);
        if (sensitive != null) {
            if (mode == Mode.CONSEQUENCE) {
                throw new Refused("变量 " + name + " 绑定了个人信息 " + sensitive + "（或由它算出的值），结论中不能使用 / " + name
                        + " is bound to the personal data " + sensitive + " (or a value derived from it) and may not be used in a "
                        + "consequence; bind the fact and show " + maskedOf(sensitive) + " instead", tokenOffset(name));
            }
            readSensitive(sensitive);
        }
        StaticType type = variables.get(name);
        Value value = new Value(type, false, null, Set.of(name), Set.of(), false, true);
        return sensitive != null ? personal(value) : value;
    }

    private void refuseStatic(DrlToken token) throws Refused {
        DrlToken following = peek();
        if (Character.isUpperCase(token.text().charAt(0)) && (following.is(".") || following.is("("))) {
            throw new Refused("不允许调用静态方法、访问静态成员或构造对象：" + token.text() + " / static calls, static members and object "
                    + "creation are not allowed: " + token.text(), token.offset());
        }
    }

    private Value number(DrlToken token) throws Refused {
        String text = token.text().replace("_", "");
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        try {
            if (last == 'B') {
                new BigDecimal(text.substring(0, text.length() - 1));
                return Value.of(StaticType.DECIMAL);
            }
            if (last == 'L') {
                return new Value(StaticType.LONG, false, Long.parseLong(text.substring(0, text.length() - 1)), Set.of(), Set.of(),
                        false, false);
            }
            if (last == 'D' || last == 'F' || text.contains(".") || text.contains("e") || text.contains("E")) {
                Double.parseDouble(text);
                return Value.of(StaticType.DOUBLE);
            }
            return new Value(StaticType.INTEGER, false, (long) Integer.parseInt(text), Set.of(), Set.of(), false, false);
        } catch (NumberFormatException e) {
            throw new Refused("无法识别的数字 " + token.text() + " / not a number this check reads: " + token.text(), token.offset());
        }
    }

    List<Value> arguments() throws Refused {
        expect("(");
        List<Value> values = new ArrayList<>();
        if (peek().is(")")) {
            position++;
            return values;
        }
        values.add(expression());
        while (peek().is(",")) {
            position++;
            values.add(expression());
        }
        expect(")");
        return values;
    }

    // ---------------------------------------------------------------- resolution

    /** A method call on a receiver of a known static type; the method must be on the allow-list. */
    Value call(Value receiver, DrlToken name, List<Value> args) throws Refused {
        StaticType type = receiver.type();
        if (type == null) {
            throw new Refused("无法确定接收者的类型：" + name.text() + " / cannot resolve the type of the receiver of " + name.text(), name.offset());
        }
        if (type.isNull()) {
            throw new Refused("不能在 null 上调用 " + name.text() + " / cannot call " + name.text() + " on null", name.offset());
        }
        if (type.isDeclared()) {
            return declaredCall(receiver, name, args);
        }
        Class<?> raw = type.boxed().raw();
        List<Method> candidates = methods(raw).stream()
                .filter(m -> m.getName().equals(name.text()) && m.getParameterCount() == args.size() && !m.isBridge() && !m.isSynthetic())
                .toList();
        if (candidates.isEmpty()) {
            throw new Refused(type + " 没有 " + args.size() + " 个参数的方法 " + name.text() + " / " + type + " has no method "
                    + name.text() + " taking " + args.size() + " argument(s)", name.offset());
        }
        List<Method> applicable = candidates.stream().filter(m -> applies(m, args)).toList();
        if (applicable.isEmpty()) {
            applicable = candidates.size() == 1 ? candidates : List.of();
        }
        if (applicable.isEmpty()) {
            throw new Refused(type + "." + name.text() + " 的参数类型不符 / no " + type + "." + name.text() + " takes arguments of types "
                    + args.stream().map(a -> String.valueOf(a.type())).toList(), name.offset());
        }
        Method chosen = null;
        AllowedMembers.Entry entry = null;
        for (Method m : applicable) {
            AllowedMembers.Entry e = AllowedMembers.find(m);
            if (e == null) {
                throw notAllowed(m, name);
            }
            if (chosen != null && !chosen.getReturnType().equals(m.getReturnType())) {
                throw new Refused(type + "." + name.text() + " 的重载无法区分 / the overloads of " + type + "." + name.text()
                        + " cannot be told apart; pass arguments of clear types", name.offset());
            }
            if (chosen == null) {
                chosen = m;
                entry = e;
            }
        }
        sensitive(entry, name);
        boolean personalIn = personal.contains(receiver) || args.stream().anyMatch(personal::contains);
        boolean personalTest = PERSONAL_DATA_TESTS.contains(chosen.getName()) && chosen.getDeclaringClass() != Object.class
                || chosen.getName().equals("equals");
        if (personal.contains(receiver) && !personalTest) {
            refusePersonal(receiver, name);
        }
        if ((chosen.getName().equals("toString") || chosen.getName().equals("hashCode")) && chosen.getParameterCount() == 0) {
            refuseRendering(receiver, name);
        }
        // the hit keeps its arguments, and a text method reads its argument's text (or orders it: "15".compareTo(phone))
        Class<?> declaring = chosen.getDeclaringClass();
        if (declaring == lianshao.facts.Hits.class || declaring == lianshao.facts.HitBuilder.class || declaring == String.class) {
            for (Value arg : args) {
                refuseRendering(arg, name);
                if (!personalTest) {
                    refusePersonal(arg, name);
                }
            }
        }
        if (entry.kind() == AllowedMembers.Kind.COMBINES) {
            grow(name);
        }
        if (entry.kind() == AllowedMembers.Kind.SMALL_LITERAL) {
            for (Value arg : args) {
                if (arg.literal() == null || arg.literal() < 0 || arg.literal() > AllowedMembers.MAX_LITERAL) {
                    throw new Refused(name.text() + " 只接受 0–" + AllowedMembers.MAX_LITERAL + " 的整数字面量 / " + name.text()
                            + " takes an integer literal from 0 to " + AllowedMembers.MAX_LITERAL, name.offset());
                }
            }
        }
        Set<String> variables = new HashSet<>(receiver.variables());
        Set<String> links = new HashSet<>(receiver.links());
        boolean computed = receiver.computed() || entry.kind() == AllowedMembers.Kind.COMBINES;
        for (Value arg : args) {
            variables.addAll(arg.variables());
            links.addAll(arg.links());
            computed |= arg.computed();
        }
        // a fact-model method applied to a fact variable relates the pattern to that fact (samePost($r))
        if (chosen.getDeclaringClass().getPackageName().equals("lianshao.facts")) {
            if (receiver.path() && receiver.variables().size() == 1 && isFact(receiver.type())) {
                links.addAll(receiver.variables());
            }
            for (Value arg : args) {
                if (arg.path() && arg.variables().size() == 1 && isFact(arg.type()) && arg.type().equals(variables(arg))) {
                    links.addAll(arg.variables());
                }
            }
        }
        Value result = new Value(type.returnType(chosen), computed, null, variables, links, false, false);
        // personal data, and what a fact method makes of it unless it only answers yes or no, stays personal data
        boolean answer = result.type().boxed().raw() == Boolean.class || personalTest;
        return entry.kind() == AllowedMembers.Kind.SENSITIVE || personalIn && !answer ? personal(result) : result;
    }

    /**
     * A call on a fact type declared in DRL: the getter of a field ({@code getX()}, {@code isX()} for a
     * primitive boolean), {@code equals}, and the text or hash of the whole fact when none of its fields
     * carries personal data. Setters and everything else Drools generates are refused.
     */
    private Value declaredCall(Value receiver, DrlToken name, List<Value> args) throws Refused {
        DeclaredType declared = receiver.type().declared();
        StaticType result;
        DeclaredType.Field field = args.isEmpty() ? declared.getter(name.text()) : null;
        if (field != null) {
            result = field.type();
        } else if (name.is("equals") && args.size() == 1) {
            result = StaticType.BOOLEAN;
        } else if ((name.is("toString") || name.is("hashCode")) && args.isEmpty()) {
            refuseRendering(receiver, name);
            result = name.is("toString") ? StaticType.STRING : StaticType.INTEGER;
        } else {
            throw new Refused("声明的类型 " + declared.name() + " 只能读取字段（如 " + getterExample(declared) + "），不能调用 " + name.text()
                    + " / a declared type allows reading its fields only (such as " + getterExample(declared) + "), not "
                    + name.text(), name.offset());
        }
        Set<String> variables = new HashSet<>(receiver.variables());
        boolean computed = receiver.computed();
        for (Value arg : args) {
            variables.addAll(arg.variables());
            computed |= arg.computed();
        }
        return new Value(result, computed, null, variables, Set.of(), false, false);
    }

    private static String getterExample(DeclaredType declared) {
        if (declared.fields().isEmpty()) {
            return "—";
        }
        DeclaredType.Field first = declared.fields().get(0);
        String capital = Character.toUpperCase(first.name().charAt(0)) + first.name().substring(1);
        return (first.type().raw() == boolean.class ? "is" : "get") + capital + "()";
    }

    /** A field of a declared type read as a DRL property. */
    private static Value declaredProperty(Value receiver, DrlToken name) throws Refused {
        DeclaredType declared = receiver.type().declared();
        DeclaredType.Field field = declared.field(name.text());
        if (field == null) {
            throw new Refused(declared.name() + " 没有字段 " + name.text() + " / " + declared.name() + " has no field " + name.text(),
                    name.offset());
        }
        return new Value(field.type(), receiver.computed(), null, receiver.variables(), Set.of(), false, true);
    }

    private StaticType variables(Value arg) {
        return variables.get(arg.variables().iterator().next());
    }

    private static boolean isFact(StaticType type) {
        return type != null && type.raw().getPackageName().equals("lianshao.facts");
    }

    /** A DRL property read: a getter, an {@code is} getter or a record accessor of the receiver's type. */
    private Value property(Value receiver, DrlToken name) throws Refused {
        StaticType type = receiver.type();
        if (type == null || type.isNull()) {
            throw new Refused("无法确定 " + name.text() + " 所属的类型 / cannot resolve the type that " + name.text() + " belongs to",
                    name.offset());
        }
        if (type.isDeclared()) {
            return declaredProperty(receiver, name);
        }
        Class<?> raw = type.boxed().raw();
        for (Field field : FIELDS.computeIfAbsent(raw, Class::getFields)) {
            if (field.getName().equals(name.text())) {
                throw new Refused(type + " 的公共字段 " + name.text() + " 不可访问 / the public field " + type + "." + name.text()
                        + " may not be read", name.offset());
            }
        }
        List<Method> getters = getters(raw, name.text());
        if (getters.isEmpty()) {
            throw new Refused(type + " 没有属性 " + name.text() + " / " + type + " has no property " + name.text(), name.offset());
        }
        for (Method getter : getters) {
            AllowedMembers.Entry entry = AllowedMembers.find(getter);
            if (entry == null) {
                Refused refused = notAllowed(getter, name);
                throw new Refused("属性 " + name.text() + "：" + refused.getMessage(), name.offset());
            }
            sensitive(entry, name);
        }
        Method chosen = getters.get(0);
        boolean sensitiveGetter = AllowedMembers.find(chosen).kind() == AllowedMembers.Kind.SENSITIVE;
        if (personal.contains(receiver) && !PERSONAL_DATA_TESTS.contains(chosen.getName())) {
            refusePersonal(receiver, name);
        }
        boolean current = name.text().equals("current") && RecordFact.class.isAssignableFrom(raw);
        Value result = new Value(type.returnType(chosen), receiver.computed(), null, receiver.variables(), Set.of(), current, true);
        return sensitiveGetter ? personal(result) : result;
    }

    private static boolean hasProperty(StaticType type, String name) {
        if (type.isDeclared()) {
            return type.declared().field(name) != null;
        }
        return !getters(type.boxed().raw(), name).isEmpty();
    }

    /** The no-argument instance methods a property name may stand for, in the order MVEL tries them. */
    private static List<Method> getters(Class<?> raw, String name) {
        if (name.isEmpty()) {
            return List.of();
        }
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Method> found = new ArrayList<>();
        for (String candidate : List.of("get" + capital, "is" + capital, name)) {
            for (Method m : methods(raw)) {
                if (m.getName().equals(candidate) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && !m.isBridge() && !found.contains(m)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    /** Public methods of a type; an interface's include those of {@code Object}, which every value has. */
    private static List<Method> methods(Class<?> raw) {
        return METHODS.computeIfAbsent(raw, TypedExpressions::publicMethods);
    }

    private static final Map<Class<?>, Field[]> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Class<?>, List<Method>> METHODS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Method> publicMethods(Class<?> raw) {
        List<Method> all = new ArrayList<>(Arrays.asList(raw.getMethods()));
        if (raw.isInterface()) {
            all.addAll(Arrays.asList(Object.class.getMethods()));
        }
        return List.copyOf(all);
    }

    private static boolean applies(Method m, List<Value> args) {
        Class<?>[] parameters = m.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (args.get(i).type() == null || !StaticType.of(parameters[i]).accepts(args.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A read of personal data: refused in a consequence (with the masked form to use instead), noted in
     * a condition so that a binding of it is known to hold personal data.
     */
    private void sensitive(AllowedMembers.Entry entry, DrlToken name) throws Refused {
        if (entry.kind() != AllowedMembers.Kind.SENSITIVE) {
            return;
        }
        if (mode == Mode.CONSEQUENCE) {
            throw new Refused(entry.member() + " 是个人信息，只能用于条件（比较、关联），不能出现在结论中，也不能由它算出文本、数字或真假值；"
                    + "请改用 " + entry.masked() + " / " + entry.member() + " is personal data: conditions may compare and join on it, "
                    + "but no consequence may show it or anything computed from it; use " + entry.masked() + " instead",
                    name.offset());
        }
        readSensitive(entry.member());
    }

    private void readSensitive(String member) {
        if (member != null && sensitiveRead == null) {
            sensitiveRead = member;
        }
    }

    /** In a consequence, a value that may carry personal data inside it is not turned into text or handed to the hit. */
    private void refuseRendering(Value value, DrlToken at) throws Refused {
        if (!isText(value.type()) && AllowedMembers.mayCarryPersonalData(value.type())) {
            throw new Refused("不能把 " + value.type() + " 整体转成文本、散列或交给命中（其中含个人信息）；请逐项取需要的属性，个人信息用掩码形式 / "
                    + "a rule may not turn a whole " + value.type() + " into text or a hash, or hand it to the hit (it holds personal "
                    + "data); read the properties needed, and the masked forms of personal data", at.offset());
        }
    }

    private Value personal(Value value) {
        personal.add(value);
        return value;
    }

    /** In a condition, personal data is compared for equality or tested for emptiness and length, nothing finer. */
    private void refusePersonal(Value value, DrlToken at) throws Refused {
        if (personal.contains(value)) {
            String member = sensitiveRead == null ? "个人信息 / personal data" : sensitiveRead;
            throw new Refused(member + " 是个人信息：条件中只能用 ==、!=、memberOf、isEmpty、isBlank、length 或以它为参数的事实方法检验，"
                    + "不能取子串、前缀、字符、次序或参与运算（" + at.text() + "），否则回测的命中与否会逐位泄露它 / " + member + " is personal "
                    + "data: a condition may test it with ==, !=, memberOf, isEmpty, isBlank, length or a fact method taking it, "
                    + "not take it apart, order it or compute with it (" + at.text() + "), which would spell it out hit by hit in a "
                    + "backtest", at.offset());
        }
    }

    private static String maskedOf(String member) {
        return AllowedMembers.entries().stream().filter(e -> e.kind() == AllowedMembers.Kind.SENSITIVE && e.member().equals(member))
                .map(AllowedMembers.Entry::masked).findFirst().orElse("掩码形式 / its masked form");
    }

    private int tokenOffset(String name) {
        for (int i = Math.min(position, tokens.size() - 1); i >= 0; i--) {
            if (tokens.get(i).is(name)) {
                return tokens.get(i).offset();
            }
        }
        return 0;
    }

    private static Refused notAllowed(Method m, DrlToken name) {
        String signature = m.getDeclaringClass().getSimpleName() + "." + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
        return new Refused(signature + " 不在允许调用的方法清单中 / " + signature + " is not on the list of methods a rule may call",
                name.offset());
    }

    private static boolean isText(StaticType type) {
        return type != null && (type.raw() == String.class || type.raw() == Character.class || type.raw() == char.class);
    }

    /** The type of arithmetic on two values (MVEL promotes to BigDecimal when either side is one). */
    private static StaticType arithmetic(StaticType a, StaticType b) {
        int rank = Math.max(rank(a), rank(b));
        return rank < 0 ? StaticType.OBJECT : StaticType.of(NUMERIC.get(Math.max(rank, NUMERIC.indexOf(Integer.class))));
    }

    private static int rank(StaticType type) {
        return type == null ? -1 : NUMERIC.indexOf(type.boxed().raw());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    // ---------------------------------------------------------------- tokens

    int position() {
        return position;
    }

    void position(int position) {
        this.position = position;
    }

    DrlToken peek() {
        return tokens.get(position);
    }

    DrlToken next() {
        DrlToken token = tokens.get(position);
        if (token.kind() != DrlToken.Kind.END) {
            position++;
        }
        return token;
    }

    DrlToken name() throws Refused {
        DrlToken token = next();
        if (!token.isIdentifier() || token.isLiteral()) {
            throw new Refused("此处应为名称 / a name is expected here, found " + shown(token), token.offset());
        }
        return token;
    }

    void expect(String symbol) throws Refused {
        DrlToken token = next();
        if (!token.is(symbol)) {
            throw new Refused("此处应为 '" + symbol + "'，实为 " + shown(token) + " / expected '" + symbol + "', found " + shown(token),
                    token.offset());
        }
    }

    private void expectEnd() throws Refused {
        DrlToken token = peek();
        if (token.kind() != DrlToken.Kind.END) {
            if (token.kind() == DrlToken.Kind.SYMBOL && token.is("=")) {
                throw new Refused("条件中不允许使用 '='（赋值） / '=' is not allowed in a condition (assignment)", token.offset());
            }
            throw new Refused("无法识别的表达式 " + shown(token) + " / unexpected " + shown(token), token.offset());
        }
    }

    static String shown(DrlToken token) {
        return token.kind() == DrlToken.Kind.END ? "结尾/end" : "'" + token.text() + "'";
    }
}
