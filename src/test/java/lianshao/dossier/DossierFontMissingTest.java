package lianshao.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

/** Without its font the service prints no dossier of empty boxes: 503 font-unavailable, and nothing logged as read. */
@TestPropertySource(properties = "lianshao.dossier.font=/nonexistent/lianshao-test-font.ttc")
class DossierFontMissingTest extends ApiTestSupport {

    @Test
    void aMissingFontAnswers503FontUnavailable() throws Exception {
        String org = TestRecords.unique("SCH-NOFONT");
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString())
                .andExpect(status().isCreated()).andReturn()).get("warnings").get(0).get("id").asString();
        for (String path : new String[] {"/api/v1/warnings/" + id + "/dossier.pdf", "/warnings/" + id + "/dossier.pdf"}) {
            mvc.perform(get(path).with(signedIn(INSPECTOR))).andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://lianshao.local/problems/font-unavailable"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE kind = 'DOSSIER' AND target = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFontWithoutChineseGlyphsIsRefusedToo() throws Exception {
        Path notAFont = Files.createTempFile("lianshao-not-a-font", ".ttf");
        Files.writeString(notAFont, "not a font");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DossierFont(notAFont.toString()).file())
                    .isInstanceOf(FontUnavailable.class);
        } finally {
            Files.delete(notAFont);
        }
        assertThat(new DossierFont("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").file()).exists();
    }
}
