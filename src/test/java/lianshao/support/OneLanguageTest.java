package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.http.Cookie;

class OneLanguageTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void aBilingualTextIsCutIntoItsHalves() {
        String text = "预警不存在 / no warning W-1";
        assertThat(OneLanguage.pick(text, ZH)).isEqualTo("预警不存在");
        assertThat(OneLanguage.pick(text, EN)).isEqualTo("no warning W-1");
    }

    @Test
    void aSlashInsideTheChineseHalfIsNotTheCut() {
        String text = "不是 .xlsx / .csv 文件 / not an .xlsx or .csv file";
        assertThat(OneLanguage.pick(text, ZH)).isEqualTo("不是 .xlsx / .csv 文件");
        assertThat(OneLanguage.pick(text, EN)).isEqualTo("not an .xlsx or .csv file");
        assertThat(OneLanguage.pick("第 1 页 / 共 2 页", EN)).isEqualTo("第 1 页 / 共 2 页");
    }

    @Test
    void anEnglishHalfMayNameAChineseOrganisation() {
        String text = "单位 清源第九中学 已停用 / the organisation 清源第九中学 is retired";
        assertThat(OneLanguage.pick(text, ZH)).isEqualTo("单位 清源第九中学 已停用");
        assertThat(OneLanguage.pick(text, EN)).isEqualTo("the organisation 清源第九中学 is retired");
    }

    @Test
    void joinedTextsAreEachCutButAnEnglishSemicolonStaysInItsHalf() {
        assertThat(OneLanguage.pick("金额无效 / invalid amount; 日期无效 / invalid date", EN)).isEqualTo("invalid amount; invalid date");
        assertThat(OneLanguage.pick("金额无效 / invalid amount; 日期无效 / invalid date", ZH)).isEqualTo("金额无效; 日期无效");
        String text = "任务已被同时修改，请刷新后重试 / the task was changed meanwhile; reload and retry";
        assertThat(OneLanguage.pick(text, ZH)).isEqualTo("任务已被同时修改，请刷新后重试");
        assertThat(OneLanguage.pick(text, EN)).isEqualTo("the task was changed meanwhile; reload and retry");
    }

    @Test
    void aTextInOneLanguageStaysWhole() {
        assertThat(OneLanguage.pick("must be a / b", ZH)).isEqualTo("must be a / b");
        assertThat(OneLanguage.pick("评估未完成", EN)).isEqualTo("评估未完成");
        assertThat(OneLanguage.pick(null, EN)).isNull();
    }

    @Test
    void theApiAnswersInTheLanguageAcceptLanguageAsksForAndInChineseOtherwise() {
        assertThat(OneLanguage.of(api(null))).isEqualTo(ZH);
        assertThat(OneLanguage.of(api("en-US,en;q=0.9"))).isEqualTo(EN);
        assertThat(OneLanguage.of(api("fr-FR, en;q=0.5, zh;q=0.8"))).isEqualTo(ZH);
        assertThat(OneLanguage.of(api("fr-FR"))).isEqualTo(ZH);
        assertThat(OneLanguage.of(api("en;q=0, zh"))).isEqualTo(ZH);
        assertThat(OneLanguage.of(api(";;;=="))).isEqualTo(ZH);
    }

    @Test
    void theConsoleAnswersInItsChosenLanguage() {
        MockHttpServletRequest console = new MockHttpServletRequest("GET", "/warnings");
        console.addHeader("Accept-Language", "en");
        assertThat(OneLanguage.of(console)).isEqualTo(ZH);
        console.setCookies(new Cookie(OneLanguage.CONSOLE_COOKIE, "en"));
        assertThat(OneLanguage.of(console)).isEqualTo(EN);
    }

    private static MockHttpServletRequest api(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/warnings");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }
}
