package lianshao.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The printable dossier: a real PDF whose text (read back with PDFBox) holds the Chinese rule title, the
 * organisation's registered name and the record's fields with their Chinese labels, drawn with the embedded
 * CJK font; read only within the reader's scope (404 outside, like the warning), logged like opening it.
 */
class DossierPdfTest extends ApiTestSupport {

    @Autowired
    private Users users;

    private String run;
    private String org;
    private String orgName;
    private String outsider;
    private String importer;

    @BeforeEach
    void aSchoolOfOneDistrictAndAnInspectorOfAnother() throws Exception {
        run = TestRecords.unique("DOS");
        org = TestRecords.unique("SCH-DOS");
        orgName = "卷宗测试学校" + run;
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"" + orgName + "\", \"type\": \"SCHOOL\", \"district\": \"卷宗甲区" + run + "\" }")
                .andExpect(status().isCreated());
        outsider = "dos-out-" + run;
        users.ensure(outsider, PASSWORD, "乙区纪检员", Set.of(Role.INSPECTOR), "卷宗乙区" + run);
        importer = "dos-imp-" + run;
        users.ensure(importer, PASSWORD, "导入员", Set.of(Role.IMPORTER), null);
    }

    private JsonNode raisedWarning() throws Exception {
        JsonNode reply = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString())
                .andExpect(status().isCreated()).andReturn());
        return reply.get("warnings").get(0);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<PDFont> fontsOfFirstPage(PDDocument document) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        var resources = document.getPage(0).getResources();
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    @Test
    void theDossierIsAPdfWhoseChineseTextCanBeReadBack() throws Exception {
        JsonNode warning = raisedWarning();
        String id = warning.get("id").asString();
        var response = mvc.perform(get("/api/v1/warnings/" + id + "/dossier.pdf").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("warning-" + id + ".pdf");
        byte[] pdf = response.getContentAsByteArray();

        String text = text(pdf);
        assertThat(text).contains("预警卷宗", warning.get("title").asString(), orgName, "第二种形态".equals(warning.get("formName").asString())
                ? "第二种形态" : warning.get("formName").asString());
        // the record as labelled fields: the contract's Chinese label of the method and of its value
        assertThat(text).contains("采购方式", "询价", "¥2,500,000.00");
        // the matched facts by their Chinese names, amounts in yuan: no rule key, no code
        assertThat(text).contains("标准", "¥2,000,000.00").doesNotContain("threshold", "INQUIRY");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(fontsOfFirstPage(document)).anySatisfy(font -> {
                assertThat(font.getName()).containsIgnoringCase("WenQuanYi");
                assertThat(font.isEmbedded()).isTrue();
            });
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'DOSSIER' AND target = ? AND channel = 'API'")
                .params(INSPECTOR, id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theConsoleServesTheSameDossierAndLogsItAsAConsoleRead() throws Exception {
        String id = raisedWarning().get("id").asString();
        byte[] pdf = mvc.perform(get("/warnings/" + id + "/dossier.pdf").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains(orgName);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'DOSSIER' AND target = ? AND channel = 'CONSOLE'")
                .params(INSPECTOR, id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whoCannotReadTheWarningCannotPrintIt() throws Exception {
        String id = raisedWarning().get("id").asString();
        // another district's inspector: the warning does not exist for them, nor does its dossier
        mvc.perform(get("/api/v1/warnings/" + id).with(signedIn(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warnings/" + id + "/dossier.pdf").with(signedIn(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/warnings/" + id + "/dossier.pdf").with(signedIn(outsider))).andExpect(status().isNotFound());
        // an importer reads no warning at all
        mvc.perform(get("/api/v1/warnings/" + id).with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warnings/" + id + "/dossier.pdf").with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(get("/warnings/" + id + "/dossier.pdf").with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warnings/" + id + "/dossier.pdf")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE kind = 'DOSSIER' AND target = ?").param(id)
                .query(Long.class).single()).as("nothing was read").isZero();
    }

    @Test
    void theEnglishDossierIsEnglish() throws Exception {
        String id = raisedWarning().get("id").asString();
        byte[] pdf = mvc.perform(get("/api/v1/warnings/" + id + "/dossier.pdf").param("lang", "en").with(signedIn(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("Warning dossier", "Audit trail").doesNotContain("预警卷宗", "??");
    }
}
