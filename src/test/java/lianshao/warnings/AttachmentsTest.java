package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Hashing;

/**
 * Evidence files on a unit's reply: real PDF, PNG and DOCX files are accepted, stored with their SHA-256 and audited;
 * an executable, HTML or SVG under an allowed name or Content-Type is refused by its content; an oversized file is
 * refused; another unit and an out-of-scope reviewer see nothing; a download is a file to save, logged.
 */
class AttachmentsTest extends ApiTestSupport {

    static final String DISTRICT = "材料区";
    static final String OUTSIDER = "att-outside-inspector";

    @Autowired
    Users users;

    String school;
    String unitUser;
    String task;

    @BeforeEach
    void aTaskDispatchedToASchool() throws Exception {
        school = unique("SCH");
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"材料测试学校\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        unitUser = unique("unit").toLowerCase();
        users.ensure(unitUser, PASSWORD, "学校联络人", Set.of(Role.UNIT), DISTRICT, Set.of(school));
        users.ensure(OUTSIDER, PASSWORD, "外区纪检员", Set.of(Role.INSPECTOR), "别的区");
        task = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = 2, highest_form = 2, status = 'UNDER_REVIEW' WHERE id = ?").param(task).update();
        act(task, "{\"action\": \"CONFIRM\", \"form\": 2}").andExpect(status().isOk());
        act(task, "{\"action\": \"DISPATCH\", \"unitOrg\": \"" + school + "\", \"responsiblePerson\": \"王校长\", \"workingDays\": 10}")
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
    }

    ResultActions act(String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions upload(String user, String id, String name, String contentType, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/tasks/" + id + "/attachments").file(new MockMultipartFile("file", name, contentType, bytes))
                .with(signedIn(user)));
    }

    @Test
    void realPdfPngAndDocxFilesAreAcceptedStoredWithTheirHashAndAudited() throws Exception {
        byte[] pdf = pdf();
        upload(unitUser, task, "整改报告.pdf", "application/octet-stream", pdf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("整改报告.pdf"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.kind").value("PDF"))
                .andExpect(jsonPath("$.size").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(Hashing.sha256Hex(pdf)))
                .andExpect(jsonPath("$.uploadedBy").value(unitUser));
        // the type is the content's: a PNG sent as "photo.jpg" with a PDF content type is a PNG, offered as photo.jpg.png
        upload(unitUser, task, "C:\\Users\\x\\photo.jpg", "application/pdf", png()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PNG")).andExpect(jsonPath("$.fileName").value("photo.jpg.png"));
        upload(unitUser, task, "../../制度\u202Efdp.docx", "text/plain", docx()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DOCX")).andExpect(jsonPath("$.fileName").value("制度fdp.docx"));

        mvc.perform(get("/api/v1/tasks/" + task + "/attachments").with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3)).andExpect(jsonPath("$[0].kind").value("PDF"));
        JsonNode history = json(getAsInspector("/api/v1/warnings/" + task).andReturn()).get("history");
        JsonNode attach = history.get(history.size() - 1);
        assertThat(attach.get("action").asString()).isEqualTo("ATTACH");
        assertThat(attach.get("details").get("fileName").asString()).isEqualTo("制度fdp.docx");
        assertThat(attach.get("details").get("sha256").asString()).hasSize(64);
        assertThat(attach.get("details").get("size").asLong()).isPositive();
        // the unit sees its uploads in its task's history
        mvc.perform(get("/api/v1/tasks/" + task).with(signedIn(unitUser)))
                .andExpect(jsonPath("$.history[?(@.action == 'ATTACH')].comment").value(org.hamcrest.Matchers.hasItem("整改报告.pdf")));
    }

    @Test
    void jpegSpreadsheetsAndSlidesAreRecognisedByTheirContent() throws Exception {
        Object[][] accepted = {{"photo", jpeg(), "JPEG", "photo.jpg"}, {"台账.bin", xlsx(), "XLSX", "台账.bin.xlsx"},
            {"旧台账", xls(), "XLS", "旧台账.xls"}, {"汇报.pptx", pptx(), "PPTX", "汇报.pptx"}, {"img.JPEG", jpeg(), "JPEG", "img.JPEG"}};
        for (Object[] file : accepted) {
            upload(unitUser, task, (String) file[0], "application/octet-stream", (byte[]) file[1]).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.kind").value(file[2])).andExpect(jsonPath("$.fileName").value(file[3]));
        }
    }

    @Test
    void whatIsNotOnTheAllowListIsRefusedByItsContentWhateverItsNameOrType() throws Exception {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] html = "<!doctype html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] zip = zipWith("payload.exe", exe);
        byte[] macro = zipWith("[Content_Types].xml", ("<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        Object[][] refused = {{"report.pdf", "application/pdf", exe}, {"photo.png", "image/png", html},
            {"chart.png", "image/svg+xml", svg}, {"chart.svg", "image/svg+xml", svg}, {"报告.docx", "application/zip", zip},
            {"报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", macro}};
        for (Object[] file : refused) {
            upload(unitUser, task, (String) file[0], (String) file[1], (byte[]) file[2]).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("PDF")));
        }
        upload(unitUser, task, "empty.pdf", "application/pdf", new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_attachment WHERE warning_id = ?").param(task).query(Long.class).single())
                .isZero();
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        byte[] big = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        upload(unitUser, task, "big.pdf", "application/pdf", big).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("10485760")));
        byte[] limit = Arrays.copyOf(pdf(), 10 * 1024 * 1024);
        upload(unitUser, task, "limit.pdf", "application/pdf", limit).andExpect(status().isCreated())
                .andExpect(jsonPath("$.size").value(10 * 1024 * 1024));
    }

    @Test
    void anotherUnitsTaskAndAReviewerOutOfScopeFindNothing() throws Exception {
        String other = unique("SCH");
        putJson("/api/v1/orgs/" + other, "{ \"name\": \"另一所学校\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }");
        String otherUnit = unique("unit").toLowerCase();
        users.ensure(otherUnit, PASSWORD, "另一联络人", Set.of(Role.UNIT), DISTRICT, Set.of(other));
        String id = json(upload(unitUser, task, "a.pdf", "application/pdf", pdf()).andReturn()).get("id").asString();

        upload(otherUnit, task, "b.pdf", "application/pdf", pdf()).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + task + "/attachments").with(signedIn(otherUnit))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + task + "/attachments/" + id).with(signedIn(otherUnit))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warnings/" + task + "/attachments").with(signedIn(OUTSIDER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warnings/" + task + "/attachments/" + id).with(signedIn(OUTSIDER))).andExpect(status().isNotFound());
        // an attachment id of another warning is not reached through this one
        String second = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        getAsInspector("/api/v1/warnings/" + second + "/attachments/" + id).andExpect(status().isNotFound());
        // reviewers do not upload; a unit does not read through the reviewers' path
        upload(INSPECTOR, task, "c.pdf", "application/pdf", pdf()).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warnings/" + task + "/attachments").with(signedIn(unitUser))).andExpect(status().isForbidden());
    }

    @Test
    void filesAreAddedOnlyWhileTheTaskAwaitsAReply() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + task + "/reply").with(signedIn(unitUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\": \"已整改\", \"report\": \"整改报告正文\"}")).andExpect(jsonPath("$.status").value("REPORTED"));
        upload(unitUser, task, "late.pdf", "application/pdf", pdf()).andExpect(status().isConflict());
        act(task, "{\"action\": \"RETURN\", \"reason\": \"缺少证明材料\", \"workingDays\": 5}").andExpect(jsonPath("$.status").value("RETURNED"));
        upload(unitUser, task, "补充.pdf", "application/pdf", pdf()).andExpect(status().isCreated());
        // ATTACH is not an action posted as JSON
        act(task, "{\"action\": \"ATTACH\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
    }

    @Test
    void aDownloadIsAFileToSaveWithTheDetectedTypeNeverRenderedAndLogged() throws Exception {
        byte[] pdf = pdf();
        String id = json(upload(unitUser, task, "整改 报告\".pdf", "text/html", pdf).andReturn()).get("id").asString();
        for (String path : new String[] {"/api/v1/tasks/" + task + "/attachments/" + id, "/api/v1/warnings/" + task + "/attachments/" + id}) {
            String user = path.startsWith("/api/v1/tasks") ? unitUser : INSPECTOR;
            mvc.perform(get(path).with(signedIn(user))).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"attachment.pdf\"; ")))
                    .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''%E6%95%B4%E6%94%B9%20%E6%8A%A5%E5%91%8A%22.pdf")))
                    .andExpect(content().bytes(pdf));
        }
        getAsInspector("/api/v1/warnings/" + task + "/attachments").andExpect(jsonPath("$[0].id").value(id));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE kind = 'ATTACHMENT' AND target = ?").param(task + "/" + id)
                .query(Long.class).single()).isEqualTo(2);
    }

    static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static byte[] docx() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("整改报告");
            document.write(out);
            return out.toByteArray();
        }
    }

    static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    static byte[] xlsx() throws Exception {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("整改").createRow(0).createCell(0).setCellValue("已整改");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls() throws Exception {
        try (var book = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("整改").createRow(0).createCell(0).setCellValue("已整改");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pptx() throws Exception {
        try (var show = new org.apache.poi.xslf.usermodel.XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide();
            show.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zipWith(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
