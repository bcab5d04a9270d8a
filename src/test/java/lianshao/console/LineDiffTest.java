package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The line diff: the longest common subsequence, hunks with context, and their headers. */
class LineDiffTest {

    private static String text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void oneChangedLineIsARemovalAndAnAdditionWithThreeLinesOfContext() {
        String before = text(1, 20);
        String after = before.replace("line 10\n", "line ten\n");
        List<LineDiff.Hunk> hunks = LineDiff.hunks(before, after);
        assertThat(hunks).hasSize(1);
        assertThat(hunks.get(0).header()).isEqualTo("@@ -7,7 +7,7 @@");
        assertThat(hunks.get(0).lines()).extracting(LineDiff.Line::mark)
                .containsExactly(" ", " ", " ", "-", "+", " ", " ", " ");
        assertThat(hunks.get(0).lines().get(3)).isEqualTo(new LineDiff.Line('-', 10, 0, "line 10"));
        assertThat(hunks.get(0).lines().get(4)).isEqualTo(new LineDiff.Line('+', 0, 10, "line ten"));
    }

    @Test
    void distantChangesMakeSeparateHunksAndNearOnesOne() {
        String before = text(1, 40);
        String far = before.replace("line 5\n", "").replace("line 30\n", "line 30\nnew\n");
        assertThat(LineDiff.hunks(before, far)).extracting(LineDiff.Hunk::header)
                .containsExactly("@@ -2,7 +2,6 @@", "@@ -28,6 +27,7 @@");
        String near = before.replace("line 5\n", "").replace("line 9\n", "line 9\nnew\n");
        assertThat(LineDiff.hunks(before, near)).hasSize(1);
    }

    @Test
    void theLongestCommonSubsequenceKeepsMovedBlocksMinimal() {
        List<LineDiff.Line> lines = LineDiff.diff("a\nb\nc\nd\n", "b\nc\nd\na\n");
        assertThat(lines).extracting(LineDiff.Line::mark).containsExactly("-", " ", " ", " ", "+");
    }

    @Test
    void addedAndRemovedFilesAndEqualTexts() {
        assertThat(LineDiff.hunks(null, "x\ny\n").get(0).header()).isEqualTo("@@ -0,0 +1,2 @@");
        assertThat(LineDiff.hunks("x\n", null).get(0).header()).isEqualTo("@@ -1,1 +0,0 @@");
        assertThat(LineDiff.hunks("same\n", "same\n")).isEmpty();
        assertThat(LineDiff.hunks("a\r\nb", "a\nb\n")).isEmpty();
    }
}
