package lianshao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The hand-written scan of marks finds exactly what the mark's regular expression finds. */
class MentionsTest {

    private static String byExpression(String text) {
        Matcher m = Mentions.MARK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + "|" + m.group(2) + ">"));
        }
        return m.appendTail(out).toString();
    }

    private static String byScan(String text) {
        return Mentions.replaceMarks(text, (kind, code) -> "<" + kind + "|" + code + ">");
    }

    @Test
    void marksAndNearMissesAreReadAsTheExpressionReadsThem() {
        for (String text : List.of("", "无标记", "⟦party:P-1⟧", "供应商⟦org:S-1⟧与⟦party:P-2⟧、⟦label:PROCUREMENT.method=INQUIRY⟧。",
                "⟦party:⟧", "⟦unknown:X⟧", "⟦party:P⟦party:Q⟧", "⟦party:P-1", "⟦party:a:b⟧", "⟦⟦field:x.y⟧⟧", "⟧⟦org:O⟧⟦",
                "⟦party:" + "x".repeat(300) + "⟧", "⟦party:" + "x".repeat(301) + "⟧", ":⟦⟧:", "⟦party⟧:x⟧", "⟦org:A⟧⟦org:B⟧")) {
            assertThat(byScan(text)).as(text).isEqualTo(byExpression(text));
        }
    }

    @Test
    void randomTextsOfMarkPiecesAreReadAsTheExpressionReadsThem() {
        String[] pieces = {"⟦", "⟧", ":", "party", "org", "label", "field", "P-1", "中文", "=", " "};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(byScan(text.toString())).as(text.toString()).isEqualTo(byExpression(text.toString()));
        }
    }
}
