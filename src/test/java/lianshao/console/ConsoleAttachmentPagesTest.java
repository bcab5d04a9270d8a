package lianshao.console;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.Hashing;

/**
 * Evidence files in the console: the unit's liaison uploads them on its task page with the API's checks, another
 * unit cannot reach the task, and the reviewers see and download them in the warning's disposal panel.
 */
class ConsoleAttachmentPagesTest extends ApiTestSupport {

    static final String DISTRICT = "控制台材料区";

    @Autowired
    Users users;

    String school;
    String unitUser;
    String otherUnitUser;
    String task;

    @BeforeEach
    void aTaskDispatchedToASchool() throws Exception {
        school = unique("SCH");
        String otherSchool = unique("SCH");
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"材料一中\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/orgs/" + otherSchool, "{ \"name\": \"材料二中\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        unitUser = unique("unit").toLowerCase();
        otherUnitUser = unique("unit").toLowerCase();
        users.ensure(unitUser, PASSWORD, "一中联络人", Set.of(Role.UNIT), DISTRICT, Set.of(school));
        users.ensure(otherUnitUser, PASSWORD, "二中联络人", Set.of(Role.UNIT), DISTRICT, Set.of(otherSchool));
        task = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = 2, highest_form = 2 WHERE id = ?").param(task).update();
        action("action", "CONFIRM", "form", "2");
        action("action", "DISPATCH", "unitOrg", school, "responsiblePerson", "王校长", "workingDays", "10");
    }

    void action(String... params) throws Exception {
        var request = post("/warnings/" + task + "/actions").with(signedIn(INSPECTOR)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"));
    }

    ResultActions upload(String user, String name, String contentType, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/tasks/" + task + "/attachments")
                .file(new MockMultipartFile("file", name, contentType, bytes)).with(signedIn(user)).with(csrf()));
    }

    @Test
    void theUnitUploadsAPdfAndTheReviewerSeesItInTheDisposalPanel() throws Exception {
        mvc.perform(get("/tasks/" + task).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-upload\"")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("尚未上传证明材料")));

        byte[] pdf = pdf();
        String sha256 = Hashing.sha256Hex(pdf);
        upload(unitUser, "整改报告.pdf", "application/pdf", pdf).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "已上传证明材料：整改报告.pdf"));
        String id = jdbc.sql("SELECT id FROM warning_attachment WHERE warning_id = ?").param(task).query(String.class).single();

        mvc.perform(get("/tasks/" + task).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("整改报告.pdf")))
                .andExpect(content().string(containsString("href=\"/tasks/" + task + "/attachments/" + id + "\"")))
                .andExpect(content().string(containsString(">" + sha256.substring(0, 12) + "<")));
        mvc.perform(get("/tasks/" + task + "/attachments/" + id).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(content().bytes(pdf));

        mvc.perform(get("/warnings/" + task).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"disposal-attachments\"")))
                .andExpect(content().string(containsString("href=\"/warnings/" + task + "/attachments/" + id + "\"")));
        mvc.perform(get("/warnings/" + task + "/attachments/" + id).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'ATTACHMENT' AND channel = 'CONSOLE' AND target = ?")
                .params(INSPECTOR, task + "/" + id).query(Integer.class).single()).isEqualTo(1);
        // an attachment id of another warning is not served under this one
        mvc.perform(get("/warnings/" + task + "/attachments/nope").with(signedIn(INSPECTOR))).andExpect(status().isNotFound());
    }

    @Test
    void aRenamedHtmlFileIsRefusedInChineseAndAnotherUnitCannotReachTheTask() throws Exception {
        byte[] html = "<!doctype html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(unitUser, "report.pdf", "application/pdf", html).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("未能上传：只接受 PDF、PNG、JPEG")))
                .andExpect(flash().attribute("error", not(containsString("only PDF"))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_attachment WHERE warning_id = ?").param(task).query(Integer.class).single())
                .isZero();

        upload(otherUnitUser, "report.pdf", "application/pdf", pdf()).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + task + "/attachments/any").with(signedIn(otherUnitUser))).andExpect(status().isNotFound());
        upload(INSPECTOR, "report.pdf", "application/pdf", pdf()).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_attachment WHERE warning_id = ?").param(task).query(Integer.class).single())
                .isZero();
    }

    static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
