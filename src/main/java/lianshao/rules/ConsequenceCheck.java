package lianshao.rules;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import lianshao.facts.Hits;

/**
 * Reads a consequence with a small grammar and accepts only what a rule needs:
 * <ul>
 * <li>a catalogue rule: one chain {@code hits.raise(...).subject(...)...;} of the hit API;</li>
 * <li>a derivation rule: one {@code insertLogical(new lianshao.facts.SomeFact(...));}, or one
 * {@code insert(...)} or {@code insertLogical(...)} of a type declared in the rule set, with an argument of
 * the right type for every field. A rule whose conditions match a declared type inserts nothing: derived
 * facts then never lead to further derived facts, so no chain of rules can derive without end.</li>
 * </ul>
 * Arguments are expressions of literals, bound variables, calls of allowed methods on them
 * ({@link AllowedMembers}, resolved by {@link TypedExpressions} on each receiver's static type), string
 * concatenation, arithmetic, comparisons and the conditional operator. Everything else — other
 * statements, loops, assignments, object creation, static calls, casts, lambdas, blocks, the engine's
 * handles ({@code drools}, {@code kcontext}, {@code insert}, {@code modify}) — does not parse or does not
 * resolve, and is refused. Personal data ({@link AllowedMembers.Kind#SENSITIVE}) is refused here, read
 * directly or through a variable bound to it, and so is the text form of a value that holds some.
 */
final class ConsequenceCheck {

    private static final String FACTS_PACKAGE = "lianshao.facts.";

    /** Why a consequence was refused, at the offset of the token that did not fit. */
    static final class Refused extends Exception {
        final int offset;

        Refused(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    private final TypedExpressions reader;
    private final Function<String, DeclaredType> declared;
    private final String readsDeclared;

    private ConsequenceCheck(TypedExpressions reader, Function<String, DeclaredType> declared, String readsDeclared) {
        this.reader = reader;
        this.declared = declared;
        this.readsDeclared = readsDeclared;
    }

    /** Checks the consequence text of a rule; {@code derivation} for {@code @kind("derivation")}. */
    static void check(String text, Map<String, StaticType> bound, boolean derivation) throws Refused {
        check(text, bound, Map.of(), derivation);
    }

    /** As above; {@code sensitive} are the variables bound to personal data, which the consequence may not read. */
    static void check(String text, Map<String, StaticType> bound, Map<String, String> sensitive, boolean derivation) throws Refused {
        check(text, bound, sensitive, derivation, name -> null, null);
    }

    /**
     * As above; {@code declared} gives the type declared in the rule set under a name (or null), and
     * {@code readsDeclared} names a declared type the rule's conditions match (null when none).
     */
    static void check(String text, Map<String, StaticType> bound, Map<String, String> sensitive, boolean derivation,
            Function<String, DeclaredType> declared, String readsDeclared) throws Refused {
        try {
            List<DrlToken> tokens = TypedExpressions.tokenize(text);
            new ConsequenceCheck(new TypedExpressions(tokens, bound, null, TypedExpressions.Mode.CONSEQUENCE, sensitive, null),
                    declared, readsDeclared).statement(derivation);
        } catch (TypedExpressions.Refused e) {
            throw new Refused(e.getMessage(), e.offset);
        }
    }

    private void statement(boolean derivation) throws TypedExpressions.Refused {
        if (reader.peek().kind() == DrlToken.Kind.END) {
            return;
        }
        if (derivation) {
            insertLogical();
        } else {
            hitChain();
        }
        if (reader.peek().is(";")) {
            reader.next();
        }
        if (reader.peek().kind() != DrlToken.Kind.END) {
            throw new TypedExpressions.Refused("结论只能有一条语句 / a consequence holds exactly one statement", reader.peek().offset());
        }
    }

    private void hitChain() throws TypedExpressions.Refused {
        DrlToken head = reader.next();
        if (!head.is("hits")) {
            throw new TypedExpressions.Refused("规则的结论只能是 hits.raise(...) 调用链 / a rule's consequence may only be a "
                    + "hits.raise(...) chain; found " + TypedExpressions.shown(head), head.offset());
        }
        reader.expect(".");
        DrlToken raise = reader.next();
        if (!raise.is("raise")) {
            throw new TypedExpressions.Refused("调用链须以 hits.raise(...) 开始 / the chain must start with hits.raise(...)", raise.offset());
        }
        TypedExpressions.Value chain = reader.call(TypedExpressions.Value.of(StaticType.of(Hits.class)), raise, reader.arguments());
        while (reader.peek().is(".")) {
            reader.next();
            DrlToken method = reader.name();
            if (!reader.peek().is("(")) {
                throw new TypedExpressions.Refused("只能调用方法，不能访问字段：" + method.text() + " / only method calls are allowed, "
                        + "not field access: " + method.text(), method.offset());
            }
            chain = reader.call(chain, method, reader.arguments());
        }
    }

    private void insertLogical() throws TypedExpressions.Refused {
        DrlToken head = reader.next();
        if (!head.is("insertLogical") && !head.is("insert")) {
            throw new TypedExpressions.Refused("推导规则的结论只能是 insertLogical(new lianshao.facts.X(...)) / a derivation rule's "
                    + "consequence may only be insertLogical(new lianshao.facts.X(...)); found " + TypedExpressions.shown(head),
                    head.offset());
        }
        reader.expect("(");
        DrlToken create = reader.next();
        if (!create.is("new")) {
            throw new TypedExpressions.Refused("insertLogical 的参数须为 new lianshao.facts.X(...) / insertLogical takes "
                    + "new lianshao.facts.X(...)", create.offset());
        }
        StringBuilder name = new StringBuilder();
        int nameOffset = reader.peek().offset();
        name.append(typeNamePart().text());
        while (reader.peek().is(".")) {
            reader.next();
            name.append('.').append(typeNamePart().text());
        }
        DeclaredType type = declared.apply(name.toString());
        if (type == null && (!head.is("insertLogical") || !isFactClass(name.toString()))) {
            throw new TypedExpressions.Refused("只能创建 lianshao.facts 中的事实或本包 declare 的类型：" + name + "（insert 只用于声明的类型） / only "
                    + "facts of lianshao.facts or types declared in this package may be created: " + name + " (insert only for declared "
                    + "types)", nameOffset);
        }
        if (readsDeclared != null) {
            throw new TypedExpressions.Refused("条件中匹配了声明的类型 " + readsDeclared + " 的规则不能插入事实（否则推导可能无休止地链下去） / a rule "
                    + "whose conditions match the declared type " + readsDeclared + " may not insert facts (derivations could chain "
                    + "without end)", head.offset());
        }
        int argumentsOffset = reader.peek().offset();
        List<TypedExpressions.Value> arguments = reader.arguments();
        if (type != null) {
            fields(type, arguments, argumentsOffset);
        }
        reader.expect(")");
    }

    /** The constructor of a declared type takes every field, in order, each of its type. */
    private static void fields(DeclaredType type, List<TypedExpressions.Value> arguments, int offset) throws TypedExpressions.Refused {
        if (arguments.size() != type.fields().size()) {
            throw new TypedExpressions.Refused("new " + type.name() + "(...) 须按顺序给出全部 " + type.fields().size() + " 个字段 "
                    + fieldList(type) + "，实有 " + arguments.size() + " 个 / new " + type.name() + "(...) takes all "
                    + type.fields().size() + " fields in order " + fieldList(type) + ", not " + arguments.size() + " arguments", offset);
        }
        for (int i = 0; i < arguments.size(); i++) {
            DeclaredType.Field field = type.fields().get(i);
            StaticType given = arguments.get(i).type();
            boolean sameElements = field.type().arguments().isEmpty() || given != null && given.isNull()
                    || given != null && field.type().arguments().equals(given.arguments());
            if (given == null || !field.type().accepts(given) || !sameElements) {
                throw new TypedExpressions.Refused("new " + type.name() + "(...) 的第 " + (i + 1) + " 个参数是 " + given + "，字段 "
                        + field.name() + " 的类型是 " + field.type() + " / argument " + (i + 1) + " of new " + type.name() + "(...) is "
                        + given + ", but the field " + field.name() + " is " + field.type(), offset);
            }
        }
    }

    private static String fieldList(DeclaredType type) {
        return type.fields().stream().map(f -> f.name() + " : " + f.type()).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static boolean isFactClass(String name) {
        String simple = name.startsWith(FACTS_PACKAGE) ? name.substring(FACTS_PACKAGE.length()) : name;
        if (simple.contains(".") || simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) {
            return false;
        }
        try {
            Class<?> type = Class.forName(FACTS_PACKAGE + simple, false, ConsequenceCheck.class.getClassLoader());
            return !type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && Modifier.isPublic(type.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A part of a type name: {@code lianshao}, {@code facts}, {@code Kin} — checked as a whole afterwards. */
    private DrlToken typeNamePart() throws TypedExpressions.Refused {
        DrlToken token = reader.next();
        if (!token.isIdentifier() || token.isLiteral()) {
            throw new TypedExpressions.Refused("此处应为类型名 / a type name is expected here, found " + TypedExpressions.shown(token),
                    token.offset());
        }
        return token;
    }
}
