package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.support.DisplayFormat;

/** The audit trail reads as sentences naming people by name and title, with labels instead of codes. */
class WarningWordsTest extends ApiTestSupport {

    static final String WANG = "words-inspector";
    static final String NAMELESS = "words-nameless";

    @Autowired
    Users users;
    @Autowired
    Warnings warnings;
    @Autowired
    WarningWords words;
    @Autowired
    DisplayFormat format;

    @BeforeEach
    void people() {
        users.ensure(WANG, PASSWORD, "纪检员 王清", Set.of(Role.INSPECTOR), null);
        users.ensure(NAMELESS, PASSWORD, " ", Set.of(Role.AUDITOR), null);
    }

    @Test
    void historyEntriesAreSentencesWithNamesAndLabels() throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"测试西区\" }");
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        act(id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + WANG + "\"}");
        act(id, "{\"action\": \"CONFIRM\", \"form\": 2, \"comment\": \"已核实\"}");

        List<WarningView.Action> history = warnings.history(id);
        List<WarningWords.HistoryLine> zh = words.history(history, Locale.SIMPLIFIED_CHINESE);
        String confirmedAt = format.time(history.get(2).at());
        assertThat(zh.get(0).sentence()).startsWith("系统 于 ").contains("产生预警：第二种形态（记录第 1 版）", "状态：新预警");
        assertThat(zh.get(1).sentence()).startsWith("纪检员 王清 于 ").contains("将预警分派给 纪检员 王清", "状态由“新预警”变为“已分派”");
        assertThat(zh.get(2).sentence()).isEqualTo("纪检员 王清 于 " + confirmedAt + " 确认预警：第二种形态，状态由“已分派”变为“已确认”");
        assertThat(zh.get(2).comment()).isEqualTo("已核实");
        assertThat(zh).allSatisfy(line -> assertThat(line.sentence()).doesNotContain(WANG, "CONFIRMED", "form=", "ASSIGN"));

        List<WarningWords.HistoryLine> en = words.history(history, Locale.ENGLISH);
        assertThat(en.get(2).sentence())
                .isEqualTo("On " + confirmedAt + ", Inspector 王清 confirmed the warning: Second form; the status went from “Assigned” to “Confirmed”");
        assertThat(en.get(0).actor()).isEqualTo("The system");
    }

    @Test
    void usersAreNamedByTheirRegisteredNameOrTitleNeverOnlyByLogin() {
        assertThat(words.userName(WANG, Locale.SIMPLIFIED_CHINESE)).isEqualTo("纪检员 王清");
        assertThat(words.userName(WANG, Locale.ENGLISH)).isEqualTo("Inspector 王清");
        assertThat(words.userName(NAMELESS, Locale.SIMPLIFIED_CHINESE)).isEqualTo("审计员 " + NAMELESS);
        assertThat(words.userName("nobody-such", Locale.SIMPLIFIED_CHINESE)).isEqualTo("nobody-such");
        assertThat(words.status("UNDER_REVIEW", Locale.SIMPLIFIED_CHINESE)).isEqualTo("核查中");
        assertThat(words.domain("TENDER", Locale.ENGLISH)).isEqualTo("Tendering");
        assertThat(words.dismissReason("DATA_ERROR", Locale.SIMPLIFIED_CHINESE)).isEqualTo("数据错误");
        assertThat(words.form(3, Locale.SIMPLIFIED_CHINESE)).isEqualTo("第三种形态");
    }

    private void act(String id, String body) throws Exception {
        mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(WANG)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }
}
