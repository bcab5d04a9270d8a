package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;
import lianshao.authoring.RuleSetLifecycle;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.MandatoryTenderTable;
import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSetStatus;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The policy officer's forms in the editor: thresholds with the test cases a change affects and accepting
 * their new outcomes, a decision table downloaded, changed and uploaded as .xlsx and compared cell by cell,
 * and validation showing the parser's reason and position.
 */
class ConsolePolicyFormsTest extends ApiTestSupport {

    static final String AUTHOR = "policy-author-1";
    static final String PRC01 = "procurement/PRC-01-open-tender-avoided.drl";

    @Autowired
    Users users;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    RuleSetLifecycle lifecycle;
    @Autowired
    RuleSetRepository repository;

    int draft;

    @BeforeEach
    void aDraft() {
        users.ensure(AUTHOR, PASSWORD, "政策员甲", Set.of(Role.RULE_AUTHOR), null);
        draft = lifecycle.copyAsDraft(active.deployment().number(), "表单测试 / form test", AUTHOR).number();
    }

    ResultActions follow(ResultActions posted) throws Exception {
        MvcResult result = posted.andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap()).with(signedIn(AUTHOR)));
    }

    @Test
    void aThresholdChangeShowsTheChangedCasesSideBySideAndAcceptingThemMakesTheTestsPass() throws Exception {
        mvc.perform(get("/rule-sets/" + draft + "/edit").param("file", "thresholds.properties").with(signedIn(AUTHOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"threshold-form\"")))
                .andExpect(content().string(containsString("政府采购公开招标数额标准")))
                .andExpect(content().string(containsString("name=\"value:procurement.open-tender.threshold\"")));

        follow(mvc.perform(post("/rule-sets/" + draft + "/thresholds").with(csrf()).with(signedIn(AUTHOR))
                .param("value:tender.min-bid-period.days", "二十天")))
                .andExpect(content().string(containsString("class=\"field-error\"")))
                .andExpect(content().string(containsString("应为非负整数")));
        assertThat(repository.files(draft).get("thresholds.properties")).contains("tender.min-bid-period.days=20\n");

        follow(mvc.perform(post("/rule-sets/" + draft + "/thresholds").with(csrf()).with(signedIn(AUTHOR))
                .param("value:procurement.open-tender.threshold", "3000000")))
                .andExpect(content().string(containsString("id=\"changed-cases\"")))
                .andExpect(content().string(containsString("2,500,000 by inquiry without approval fires")))
                .andExpect(content().string(containsString("触发，第 2 种形态")))
                .andExpect(content().string(containsString("不触发")));

        String key = "procurement/PRC-01-open-tender-avoided.test.json::2,500,000 by inquiry without approval fires";
        follow(mvc.perform(post("/rule-sets/" + draft + "/expectations").with(csrf()).with(signedIn(AUTHOR)).param("case", key)))
                .andExpect(content().string(containsString("已接受所选用例的新预期")));
        assertThat(repository.files(draft).get("procurement/PRC-01-open-tender-avoided.test.json"))
                .contains("\"fires\" : false");
        assertThat(lifecycle.version(draft).status()).isEqualTo(RuleSetStatus.DRAFT);
    }

    @Test
    void aDecisionTableIsDownloadedChangedUploadedAndTheDiffMarksTheCell() throws Exception {
        mvc.perform(get("/rule-sets/" + draft + "/edit").param("file", MandatoryTenderTable.PATH).with(signedIn(AUTHOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"table-upload\"")));
        byte[] downloaded = mvc.perform(get("/rule-sets/" + draft + "/tables").param("file", MandatoryTenderTable.PATH)
                .with(signedIn(AUTHOR))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        byte[] changed;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(downloaded))) {
            boolean found = false;
            for (Row row : book.getSheet(MandatoryTenderTable.SHEET)) {
                for (Cell cell : row) {
                    if (!found && new DataFormatter().formatCellValue(cell).equals("1000000")) {
                        cell.setCellValue("1200000");
                        found = true;
                    }
                }
            }
            assertThat(found).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            changed = out.toByteArray();
        }
        follow(mvc.perform(multipart("/rule-sets/" + draft + "/tables").file(new MockMultipartFile("upload", "TEN-01.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", changed))
                .param("file", MandatoryTenderTable.PATH).with(csrf()).with(signedIn(AUTHOR))))
                .andExpect(content().string(containsString("已更新")));

        mvc.perform(get("/rule-sets/" + draft + "/diff").with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"table-diff\"")))
                .andExpect(content().string(containsString("1 个单元格有变化")))
                .andExpect(content().string(containsString("<del>1000000</del>")))
                .andExpect(content().string(not(containsString("base64:"))));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAndTheTableStaysAsItWas() throws Exception {
        String before = repository.files(draft).get(MandatoryTenderTable.PATH);
        follow(mvc.perform(multipart("/rule-sets/" + draft + "/tables").file(new MockMultipartFile("upload", "table.xlsx",
                "application/octet-stream", "<html>not a workbook</html>".getBytes()))
                .param("file", MandatoryTenderTable.PATH).with(csrf()).with(signedIn(AUTHOR))))
                .andExpect(content().string(containsString("决策表未保存")))
                .andExpect(content().string(containsString("不是 .xlsx 工作簿")));
        assertThat(repository.files(draft).get(MandatoryTenderTable.PATH)).isEqualTo(before);
    }

    @Test
    void validationShowsTheParserReasonAndPosition() throws Exception {
        String broken = repository.files(draft).get(PRC01).replaceFirst("\\bwhen\\b", "when (((");
        mvc.perform(post("/rule-sets/" + draft + "/files").with(csrf()).with(signedIn(AUTHOR)).param("file", PRC01).param("content", broken))
                .andExpect(status().is3xxRedirection());
        follow(mvc.perform(post("/rule-sets/" + draft + "/validate").with(csrf()).with(signedIn(AUTHOR)).param("file", PRC01)))
                .andExpect(content().string(containsString("DRL 语法错误：")))
                .andExpect(content().string(containsString("列")))
                .andExpect(content().string(containsString("[ERR ")));
    }
}
