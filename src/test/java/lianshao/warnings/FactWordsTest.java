package lianshao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;

/** Fact values read in the reader's language: codes a rule quotes inside its text by label, one half of a bilingual text. */
class FactWordsTest {

    private final FactWords words = new FactWords(new StaticMessageSource(), mock(ReferenceQueries.class),
            new DisplayFormat(ZoneId.of("Asia/Shanghai")));
    private final Map<String, String> names = Map.of("P-0009", "彭奕辰", "EDU-XH", "清源市西湖区教育局");

    @Test
    void aKinPathNamesThePartiesAndLabelsTheRoleAndTheKindOfRelation() {
        String kin = "P-0009（LEADER @ EDU-XH，IN_LAW）";
        assertThat(words.value("ADMISSION", "kinOf", kin, names, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("彭奕辰（P-0009）（领导干部 @ 清源市西湖区教育局（EDU-XH），姻亲）");
        assertThat(words.value("ADMISSION", "kinOf", kin, names, Locale.ENGLISH))
                .isEqualTo("彭奕辰（Leader @ 清源市西湖区教育局，In law）");
    }

    @Test
    void aCodeSeveralFieldsDeclareReadsAsTheWarningsDomainLabelsIt() {
        // DONATION is an admission's fee type (捐资助学款) and a research fund's expense type (捐赠)
        assertThat(words.value("ADMISSION", "feeTypes", List.of("DONATION"), names, Locale.SIMPLIFIED_CHINESE)).isEqualTo("捐资助学款");
        assertThat(words.value("RESEARCH_FUND", "expenseTypes", List.of("DONATION"), names, Locale.SIMPLIFIED_CHINESE)).isEqualTo("捐赠");
        assertThat(words.value("ADMISSION", "feeTypes", List.of("DONATION"), names, Locale.ENGLISH)).isEqualTo("Donation");
    }

    @Test
    void aBilingualValueShowsTheReadersHalf() {
        assertThat(words.value("ADMISSION", "plan", "无 / none", names, Locale.SIMPLIFIED_CHINESE)).isEqualTo("无");
        assertThat(words.value("ADMISSION", "plan", "无 / none", names, Locale.ENGLISH)).isEqualTo("none");
    }

    @Test
    void wordsThatNameNoContractValueStayAsTheyAre() {
        assertThat(words.value("ADMISSION", "note", "ABC-1 NOT_A_CODE P-0009", names, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("ABC-1 NOT_A_CODE 彭奕辰（P-0009）");
    }
}
