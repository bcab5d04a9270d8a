package lianshao.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a constraint, a {@code from} source or a consequence into tokens: identifiers
 * (with {@code $}), string and character literals, numbers and operators. Comments are dropped. What
 * it cannot read with certainty (an unterminated literal, a text block, a character it does not know)
 * is an error: the caller refuses the rule.
 */
final class DrlTokenizer {

    private static final String[] SYMBOLS = {
            ">>>=", "<<=", ">>=", ">>>", "...", "==", "!=", "<=", ">=", "&&", "||", "->", "::", "++", "--", "+=", "-=",
            "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", ":=", "!.",
            "(", ")", "[", "]", "{", "}", ".", ",", ";", ":", "?", "!", "~", "+", "-", "*", "/", "%", "<", ">", "=",
            "&", "|", "^", "@", "#" };

    /** Thrown for text the tokenizer does not read with certainty. */
    static final class Unreadable extends Exception {
        final int offset;

        Unreadable(String message, int offset) {
            super(message);
            this.offset = offset;
        }
    }

    private DrlTokenizer() {
    }

    static List<DrlToken> tokenize(String text) throws Unreadable {
        List<DrlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new Unreadable("未结束的注释 / unterminated comment", i);
                }
                i = end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                throw new Unreadable("不支持文本块 / text blocks are not allowed", i);
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i, c);
                tokens.add(new DrlToken(c == '"' ? DrlToken.Kind.STRING : DrlToken.Kind.CHAR, text.substring(i, end), i));
                i = end;
            } else if (c == '$' || c == '_' || Character.isLetter(c)) {
                int end = i + 1;
                while (end < n && (text.charAt(end) == '$' || text.charAt(end) == '_' || Character.isLetterOrDigit(text.charAt(end)))) {
                    end++;
                }
                tokens.add(new DrlToken(DrlToken.Kind.IDENTIFIER, text.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new DrlToken(DrlToken.Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else {
                String symbol = symbolAt(text, i);
                if (symbol == null) {
                    throw new Unreadable("不允许的字符 '" + c + "' / character not allowed: '" + c + "'", i);
                }
                tokens.add(new DrlToken(DrlToken.Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        tokens.add(new DrlToken(DrlToken.Kind.END, "", n));
        return tokens;
    }

    private static int endOfLiteral(String text, int start, char quote) throws Unreadable {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                break;
            } else {
                i++;
            }
        }
        throw new Unreadable("未结束的字面量 / unterminated literal", start);
    }

    private static String symbolAt(String text, int i) {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, i)) {
                return symbol;
            }
        }
        return null;
    }
}
