package lianshao.rules;

import java.util.List;
import java.util.Set;

/**
 * Checks the text of one constraint or {@code from} source. A constraint compares properties of its
 * fact and calls methods on the fact or on bound variables; it creates nothing, calls nothing static
 * (no {@code Class.method}, no fully qualified name), assigns nothing, and has no blocks, lambdas or
 * inline casts. The returned message (Chinese / English) names the first offence; null when clean.
 */
final class ConditionCheck {

    /** Operators of Java and MVEL that change state or open a block, a lambda or a cast. */
    private static final Set<String> FORBIDDEN_SYMBOLS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<=", ">>=", ">>>=", "++", "--", "{", "}", ";", "->", "::", "#", "@", "[", "]", ":=", "!.", "...", "~");

    private ConditionCheck() {
    }

    /** A problem with the tokens of a condition, located by the token's offset. */
    record Offence(String message, int offset) {
    }

    static Offence constraint(String text) {
        List<DrlToken> tokens;
        try {
            tokens = DrlTokenizer.tokenize(text);
        } catch (DrlTokenizer.Unreadable e) {
            return new Offence(e.getMessage(), e.offset);
        }
        return tokens(tokens);
    }

    static Offence tokens(List<DrlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            DrlToken token = tokens.get(i);
            DrlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.kind() == DrlToken.Kind.SYMBOL && FORBIDDEN_SYMBOLS.contains(token.text())) {
                return new Offence("条件中不允许使用 '" + token.text() + "'（赋值、代码块、lambda 或强制转换） / '"
                        + token.text() + "' is not allowed in a condition (assignment, block, lambda or cast)", token.offset());
            }
            if (!token.isIdentifier()) {
                continue;
            }
            if (ForbiddenNames.WORDS.contains(token.text())) {
                return new Offence("条件中不允许使用 " + token.text() + " / " + token.text() + " is not allowed in a condition",
                        token.offset());
            }
            boolean previousIsDot = i > 0 && tokens.get(i - 1).is(".");
            if (!previousIsDot && Character.isUpperCase(token.text().charAt(0)) && next != null
                    && (next.is(".") || next.is("("))) {
                return new Offence("条件中不允许调用静态方法或构造对象：" + token.text() + " / static calls and object creation are not "
                        + "allowed in a condition: " + token.text(), token.offset());
            }
            if (previousIsDot && Character.isUpperCase(token.text().charAt(0))) {
                return new Offence("条件中不允许使用限定类名：" + token.text() + " / qualified class names are not allowed in a "
                        + "condition: " + token.text(), token.offset());
            }
        }
        return null;
    }

    /**
     * A {@code from} source must be a property or method chain on a bound variable:
     * {@code $a.guardianRefs()}, {@code $t.bids}, {@code $t.items().get(0)}. Arguments follow the
     * rules of constraints.
     */
    static Offence fromSource(String text, Set<String> bound) {
        List<DrlToken> tokens;
        try {
            tokens = DrlTokenizer.tokenize(text);
        } catch (DrlTokenizer.Unreadable e) {
            return new Offence(e.getMessage(), e.offset);
        }
        Offence general = tokens(tokens);
        if (general != null) {
            return general;
        }
        String shape = "from 只能取已绑定变量的属性或方法，如 $a.guardianRefs() / from must read a property or method of a bound "
                + "variable, such as $a.guardianRefs()";
        DrlToken first = tokens.get(0);
        if (first.isIdentifier() && bound.contains(first.text()) && tokens.get(1).kind() == DrlToken.Kind.END) {
            return null; // from $collection: a list the rule bound itself (e.g. by collectSet)
        }
        if (!first.isIdentifier() || !bound.contains(first.text()) || !tokens.get(1).is(".")) {
            return new Offence(shape, first.offset());
        }
        int i = 1;
        while (tokens.get(i).is(".")) {
            if (!tokens.get(i + 1).isIdentifier()) {
                return new Offence(shape, tokens.get(i + 1).offset());
            }
            i += 2;
            if (tokens.get(i).is("(")) {
                int depth = 0;
                do {
                    if (tokens.get(i).is("(")) {
                        depth++;
                    } else if (tokens.get(i).is(")")) {
                        depth--;
                    } else if (tokens.get(i).kind() == DrlToken.Kind.END) {
                        return new Offence(shape, tokens.get(i).offset());
                    }
                    i++;
                } while (depth > 0);
            }
        }
        if (tokens.get(i).kind() != DrlToken.Kind.END) {
            return new Offence(shape, tokens.get(i).offset());
        }
        return null;
    }
}
