package lianshao.rules;

/** Line and column (both 1-based) of an offset in a text. */
final class TextPositions {

    private TextPositions() {
    }

    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, end - lineStart + 1};
    }

    /** Offset of the start of a 1-based line, or -1. */
    static int lineStart(String text, int line) {
        int current = 1;
        for (int i = 0; i < text.length() && current < line; i++) {
            if (text.charAt(i) == '\n') {
                current++;
                if (current == line) {
                    return i + 1;
                }
            }
        }
        return line <= 1 ? 0 : -1;
    }
}
