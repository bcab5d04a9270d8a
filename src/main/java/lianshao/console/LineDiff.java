package lianshao.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in the unified style: the longest common subsequence of their lines, then
 * hunks of changed lines with a few lines of context. The common head and tail are cut off first, so
 * the quadratic table only covers the changed middle; a middle too large for it shows as all removed,
 * then all added.
 */
final class LineDiff {

    static final int CONTEXT = 3;
    /** Cells of the LCS table at most (lines before × lines after of the changed middle). */
    static final long MAX_CELLS = 4_000_000;

    /** One line of a diff: {@code ' '} unchanged, {@code '-'} removed, {@code '+'} added; numbers from 1, 0 when absent. */
    record Line(char kind, int oldNumber, int newNumber, String text) {

        public String css() {
            return kind == '+' ? "added" : kind == '-' ? "removed" : "same";
        }

        public String mark() {
            return String.valueOf(kind);
        }
    }

    /** Consecutive lines with their "@@ -a,b +c,d @@" header. */
    record Hunk(String header, List<Line> lines) {
    }

    private LineDiff() {
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Every line of both texts in order, unchanged ones once. */
    static List<Line> diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(' ', i + 1, i + 1, a.get(i)));
        }
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, out);
        for (int k = tail; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
            out.add(new Line(' ', i + 1, j + 1, a.get(i)));
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line('-', offset + i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line('+', 0, offset + j + 1, b.get(j)));
            }
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(' ', offset + i + 1, offset + j + 1, a.get(i)));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line('-', offset + i + 1, 0, a.get(i)));
                i++;
            } else {
                out.add(new Line('+', 0, offset + j + 1, b.get(j)));
                j++;
            }
        }
    }

    /** The changed lines with {@link #CONTEXT} lines around them, in hunks; empty when the texts are the same. */
    static List<Hunk> hunks(String before, String after) {
        List<Line> lines = diff(before, after);
        List<Hunk> hunks = new ArrayList<>();
        int k = 0;
        while (k < lines.size()) {
            if (lines.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend while the next change is within twice the context
            while (true) {
                int next = end + 1;
                while (next < lines.size() && lines.get(next).kind() == ' ') {
                    next++;
                }
                if (next < lines.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    break;
                }
            }
            int stop = Math.min(lines.size(), end + CONTEXT + 1);
            List<Line> part = List.copyOf(lines.subList(start, stop));
            hunks.add(new Hunk(header(part, lines, start), part));
            k = stop;
        }
        return hunks;
    }

    private static String header(List<Line> part, List<Line> all, int start) {
        int oldCount = (int) part.stream().filter(l -> l.kind() != '+').count();
        int newCount = (int) part.stream().filter(l -> l.kind() != '-').count();
        int oldStart = 0;
        int newStart = 0;
        for (int i = 0; i < start; i++) {
            if (all.get(i).kind() != '+') {
                oldStart++;
            }
            if (all.get(i).kind() != '-') {
                newStart++;
            }
        }
        return "@@ -" + (oldCount == 0 ? oldStart : oldStart + 1) + "," + oldCount + " +"
                + (newCount == 0 ? newStart : newStart + 1) + "," + newCount + " @@";
    }
}
