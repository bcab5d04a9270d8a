package lianshao.rules;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import lianshao.facts.Hits;

/**
 * Reads a consequence with a small grammar and accepts only what a rule needs:
 * <ul>
 * <li>a catalogue rule: one chain {@code hits.raise(...).subject(...)...;} of the hit API;</li>
 * <li>a derivation rule: one {@code insertLogical(new lianshao.facts.SomeFact(...));}.</li>
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

    private ConsequenceCheck(TypedExpressions reader) {
        this.reader = reader;
    }

    /** Checks the consequence text of a rule; {@code derivation} for {@code @kind("derivation")}. */
    static void check(String text, Map<String, StaticType> bound, boolean derivation) throws Refused {
        check(text, bound, Map.of(), derivation);
    }

    /** As above; {@code sensitive} are the variables bound to personal data, which the consequence may not read. */
    static void check(String text, Map<String, StaticType> bound, Map<String, String> sensitive, boolean derivation) throws Refused {
        try {
            List<DrlToken> tokens = TypedExpressions.tokenize(text);
            new ConsequenceCheck(new TypedExpressions(tokens, bound, null, TypedExpressions.Mode.CONSEQUENCE, sensitive, null))
                    .statement(derivation);
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
        if (!head.is("insertLogical")) {
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
        if (!isFactClass(name.toString())) {
            throw new TypedExpressions.Refused("只能创建 lianshao.facts 中的事实：" + name + " / only facts of lianshao.facts may be "
                    + "created: " + name, nameOffset);
        }
        reader.arguments();
        reader.expect(")");
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
