package lianshao.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lianshao.facts.HitBuilder;
import lianshao.facts.Hits;

/**
 * Reads a consequence with a small grammar and accepts only what a rule needs:
 * <ul>
 * <li>a catalogue rule: one chain {@code hits.raise(...).subject(...)...;} of the hit API;</li>
 * <li>a derivation rule: one {@code insertLogical(new lianshao.facts.SomeFact(...));}.</li>
 * </ul>
 * Arguments are expressions of literals, bound variables, method calls on them, string concatenation,
 * arithmetic, comparisons and the conditional operator. Everything else — other statements, loops,
 * assignments, object creation, static calls, casts, lambdas, blocks — does not parse and is refused.
 */
final class ConsequenceCheck {

    static final Set<String> HIT_METHODS = Stream.concat(Arrays.stream(Hits.class.getMethods()),
                    Arrays.stream(HitBuilder.class.getMethods()))
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());
    private static final String FACTS_PACKAGE = "lianshao.facts.";

    /** Why a consequence was refused, at the offset of the token that did not fit. */
    static final class Refused extends Exception {
        final int offset;

        Refused(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    private final List<DrlToken> tokens;
    private final Set<String> bound;
    private int position;

    private ConsequenceCheck(List<DrlToken> tokens, Set<String> bound) {
        this.tokens = tokens;
        this.bound = bound;
    }

    /** Checks the consequence text of a rule; {@code derivation} for {@code @kind("derivation")}. */
    static void check(String text, Set<String> bound, boolean derivation) throws Refused {
        List<DrlToken> tokens;
        try {
            tokens = DrlTokenizer.tokenize(text);
        } catch (DrlTokenizer.Unreadable e) {
            throw new Refused(e.getMessage(), e.offset);
        }
        new ConsequenceCheck(tokens, bound).statement(derivation);
    }

    private void statement(boolean derivation) throws Refused {
        if (peek().kind() == DrlToken.Kind.END) {
            return;
        }
        if (derivation) {
            insertLogical();
        } else {
            hitChain();
        }
        if (peek().is(";")) {
            position++;
        }
        if (peek().kind() != DrlToken.Kind.END) {
            throw new Refused("结论只能有一条语句 / a consequence holds exactly one statement", peek().offset());
        }
    }

    private void hitChain() throws Refused {
        DrlToken head = next();
        if (!head.is("hits")) {
            throw new Refused("规则的结论只能是 hits.raise(...) 调用链 / a rule's consequence may only be a hits.raise(...) chain; "
                    + "found " + shown(head), head.offset());
        }
        expect(".");
        DrlToken raise = next();
        if (!raise.is("raise")) {
            throw new Refused("调用链须以 hits.raise(...) 开始 / the chain must start with hits.raise(...)", raise.offset());
        }
        arguments();
        while (peek().is(".")) {
            position++;
            DrlToken method = next();
            if (!method.isIdentifier() || !HIT_METHODS.contains(method.text())) {
                throw new Refused("不是命中记录接口的方法：" + shown(method) + " / not a method of the hit API: " + shown(method)
                        + " (" + String.join(", ", HIT_METHODS.stream().sorted().toList()) + ")", method.offset());
            }
            arguments();
        }
    }

    private void insertLogical() throws Refused {
        DrlToken head = next();
        if (!head.is("insertLogical")) {
            throw new Refused("推导规则的结论只能是 insertLogical(new lianshao.facts.X(...)) / a derivation rule's consequence may "
                    + "only be insertLogical(new lianshao.facts.X(...)); found " + shown(head), head.offset());
        }
        expect("(");
        DrlToken create = next();
        if (!create.is("new")) {
            throw new Refused("insertLogical 的参数须为 new lianshao.facts.X(...) / insertLogical takes new lianshao.facts.X(...)",
                    create.offset());
        }
        StringBuilder name = new StringBuilder();
        int nameOffset = peek().offset();
        name.append(typeNamePart().text());
        while (peek().is(".")) {
            position++;
            name.append('.').append(typeNamePart().text());
        }
        if (!isFactClass(name.toString())) {
            throw new Refused("只能创建 lianshao.facts 中的事实：" + name + " / only facts of lianshao.facts may be created: " + name,
                    nameOffset);
        }
        arguments();
        expect(")");
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

    private void arguments() throws Refused {
        expect("(");
        if (peek().is(")")) {
            position++;
            return;
        }
        expression();
        while (peek().is(",")) {
            position++;
            expression();
        }
        expect(")");
    }

    private void expression() throws Refused {
        binary(0);
        if (peek().is("?")) {
            position++;
            expression();
            expect(":");
            expression();
        }
    }

    private static final List<Set<String>> LEVELS = List.of(Set.of("||"), Set.of("&&"), Set.of("==", "!="),
            Set.of("<", ">", "<=", ">=", "instanceof"), Set.of("+", "-"), Set.of("*", "/", "%"));

    private void binary(int level) throws Refused {
        if (level == LEVELS.size()) {
            unary();
            return;
        }
        binary(level + 1);
        while (peek().kind() != DrlToken.Kind.STRING && LEVELS.get(level).contains(peek().text())) {
            if (peek().is("instanceof")) {
                throw new Refused("结论中不允许 instanceof / instanceof is not allowed in a consequence", peek().offset());
            }
            position++;
            binary(level + 1);
        }
    }

    private void unary() throws Refused {
        if (peek().is("!") || peek().is("-")) {
            position++;
            unary();
            return;
        }
        primary();
        while (peek().is(".")) {
            position++;
            if (SMALL_SCALE_METHODS.contains(peek().text())) {
                // percentages for messages (ratio.movePointRight(2)): harmless with a small literal exponent only
                next();
                smallIntegerArgument();
                continue;
            }
            DrlToken method = identifier();
            if (!peek().is("(")) {
                throw new Refused("只能调用方法，不能访问字段：" + method.text() + " / only method calls are allowed, not field access: "
                        + method.text(), method.offset());
            }
            arguments();
        }
    }

    private void primary() throws Refused {
        DrlToken token = next();
        if (token.isLiteral()) {
            return;
        }
        if (token.is("(")) {
            expression();
            expect(")");
            if (peek().isIdentifier() || peek().isLiteral() || peek().is("(")) {
                throw new Refused("结论中不允许强制类型转换 / casts are not allowed in a consequence", peek().offset());
            }
            return;
        }
        if (token.isIdentifier() && bound.contains(token.text()) && !ForbiddenNames.WORDS.contains(token.text())) {
            return;
        }
        if (token.isIdentifier()) {
            throw new Refused("结论中只能使用条件中绑定的变量，不允许 " + token.text() + " / only variables bound in the conditions may be "
                    + "used in a consequence, not " + token.text(), token.offset());
        }
        throw new Refused("无法识别的表达式 " + shown(token) + " / unexpected " + shown(token) + " in a consequence", token.offset());
    }

    private static final Set<String> SMALL_SCALE_METHODS = Set.of("movePointRight", "movePointLeft");
    private static final int MAX_SCALE_SHIFT = 10;

    private void smallIntegerArgument() throws Refused {
        expect("(");
        DrlToken literal = next();
        if (!literal.isLiteral() || !literal.text().matches("\\d{1,2}") || Integer.parseInt(literal.text()) > MAX_SCALE_SHIFT) {
            throw new Refused("movePointRight/movePointLeft 只接受 0–" + MAX_SCALE_SHIFT + " 的整数字面量 / movePointRight and "
                    + "movePointLeft take an integer literal from 0 to " + MAX_SCALE_SHIFT, literal.offset());
        }
        expect(")");
    }

    private DrlToken identifier() throws Refused {
        DrlToken token = next();
        if (!token.isIdentifier() || token.isLiteral()) {
            throw new Refused("此处应为名称 / a name is expected here, found " + shown(token), token.offset());
        }
        if (ForbiddenNames.WORDS.contains(token.text())) {
            throw new Refused("结论中不允许使用 " + token.text() + " / " + token.text() + " is not allowed in a consequence",
                    token.offset());
        }
        return token;
    }

    /** A part of a type name: {@code lianshao}, {@code facts}, {@code Kin} — checked as a whole afterwards. */
    private DrlToken typeNamePart() throws Refused {
        DrlToken token = next();
        if (!token.isIdentifier() || token.isLiteral()) {
            throw new Refused("此处应为类型名 / a type name is expected here, found " + shown(token), token.offset());
        }
        return token;
    }

    private void expect(String symbol) throws Refused {
        DrlToken token = next();
        if (!token.is(symbol)) {
            throw new Refused("此处应为 '" + symbol + "'，实为 " + shown(token) + " / expected '" + symbol + "', found " + shown(token),
                    token.offset());
        }
    }

    private DrlToken peek() {
        return tokens.get(position);
    }

    private DrlToken next() {
        DrlToken token = tokens.get(position);
        if (token.kind() != DrlToken.Kind.END) {
            position++;
        }
        return token;
    }

    private static String shown(DrlToken token) {
        return token.kind() == DrlToken.Kind.END ? "结尾/end" : "'" + token.text() + "'";
    }
}
