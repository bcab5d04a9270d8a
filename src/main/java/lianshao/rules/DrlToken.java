package lianshao.rules;

/** One token of a DRL expression or consequence, with its offset in the text it came from. */
record DrlToken(Kind kind, String text, int offset) {

    enum Kind { IDENTIFIER, STRING, CHAR, NUMBER, SYMBOL, END }

    boolean is(String symbolOrWord) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENTIFIER) && text.equals(symbolOrWord);
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.CHAR || kind == Kind.NUMBER
                || kind == Kind.IDENTIFIER && (text.equals("true") || text.equals("false") || text.equals("null"));
    }
}
