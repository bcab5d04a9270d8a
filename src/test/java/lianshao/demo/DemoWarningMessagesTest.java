package lianshao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import lianshao.contract.ContractSchemas;
import lianshao.support.Json;

/**
 * Every warning the demo city raises reads as an official would write it: parties and organisations by their
 * registered names (the code only in parentheses after the name), enumeration values by their Chinese labels,
 * amounts as ¥6,352,000.00, no marks of the wording step left over. The English messages name parties and
 * organisations by name alone and enumeration values in English words: no code where a name or label exists.
 */
@SpringBootTest(properties = "lianshao.demo.enabled=true")
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWarningMessagesTest {

    /** An identifier-like token: a code of the contract, a party id, an org code. */
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9](?![A-Za-z0-9_-])");
    private static final Pattern RAW_AMOUNT = Pattern.compile("\\d[\\d.]*\\s*元|(?<![\\d,.¥A-Za-z-])\\d{4,}\\.\\d{2}(?!\\d)");

    @Autowired
    JdbcClient jdbc;

    private record Message(String ruleId, String externalId, String text) {
    }

    private List<Message> messages;
    private List<Message> english;
    private Map<String, String> names;

    @BeforeAll
    void load() {
        messages = jdbc.sql("""
                SELECT w.rule_id, r.external_id, w.message FROM warning w JOIN record r ON r.id = w.record_id
                WHERE r.source = 'demo-feed'""")
                .query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        english = jdbc.sql("""
                SELECT w.rule_id, r.external_id, w.evidence FROM warning w JOIN record r ON r.id = w.record_id
                WHERE r.source = 'demo-feed'""")
                .query((rs, n) -> new Message(rs.getString(1), rs.getString(2), Json.parse(rs.getString(3)).path("messageEn").asString(null)))
                .list().stream().filter(m -> m.text() != null).toList();
        names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, name FROM party").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        jdbc.sql("SELECT code, name FROM org").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    }

    @Test
    void theDemoRaisesWarningsOfEveryDomain() {
        assertThat(messages).hasSizeGreaterThan(50);
        assertThat(messages.stream().map(m -> m.ruleId().substring(0, 3)).collect(Collectors.toSet()))
                .contains("ADM", "REC", "TEN", "PRC", "RSF");
    }

    @Test
    void partiesAndOrganisationsAreNamedWithTheirCodeInParentheses() {
        List<String> bare = new ArrayList<>();
        for (Message m : messages) {
            Matcher token = TOKEN.matcher(m.text());
            while (token.find()) {
                String name = names.get(token.group());
                if (name != null && !m.text().startsWith(name + "（", token.start() - name.length() - 1)) {
                    bare.add(m.ruleId() + " on " + m.externalId() + ": " + token.group() + " in " + m.text());
                }
            }
        }
        assertThat(bare).isEmpty();
    }

    @Test
    void enumerationValuesAreShownByTheirChineseLabels() {
        Set<String> codes = ContractSchemas.allFields().stream().filter(f -> !f.valueLabels().isEmpty())
                .flatMap(f -> f.valueLabels().keySet().stream()).collect(Collectors.toSet());
        List<String> raw = new ArrayList<>();
        for (Message m : messages) {
            Matcher token = TOKEN.matcher(m.text());
            while (token.find()) {
                if (codes.contains(token.group())) {
                    raw.add(m.ruleId() + " on " + m.externalId() + ": " + token.group() + " in " + m.text());
                }
            }
        }
        assertThat(codes).contains("INQUIRY", "SPOUSE", "OPEN_TENDER");
        assertThat(raw).isEmpty();
    }

    @Test
    void amountsAreWrittenInYuanWithSeparators() {
        assertThat(messages).filteredOn(m -> RAW_AMOUNT.matcher(m.text()).find()).isEmpty();
        assertThat(messages).anySatisfy(m -> assertThat(m.text()).containsPattern("¥\\d{1,3}(,\\d{3})+\\.\\d{2}"));
    }

    @Test
    void noMarkOfTheWordingStepRemains() {
        assertThat(messages).noneSatisfy(m -> assertThat(m.text()).containsAnyOf("⟦", "⟧", "null", "[", "]"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE evidence LIKE '%⟦%' OR grading LIKE '%⟦%'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void everyDemoWarningHasAnEnglishMessage() {
        assertThat(english).hasSameSizeAs(messages);
    }

    @Test
    void englishMessagesNameEveryKnownPartyAndOrganisationWithoutItsCode() {
        List<String> coded = new ArrayList<>();
        for (Message m : english) {
            Matcher token = TOKEN.matcher(m.text());
            while (token.find()) {
                if (names.containsKey(token.group())) {
                    coded.add(m.ruleId() + " on " + m.externalId() + ": " + token.group() + " in " + m.text());
                }
            }
        }
        assertThat(english).anySatisfy(m -> assertThat(names.values().stream().anyMatch(m.text()::contains)).isTrue());
        assertThat(coded).isEmpty();
    }

    @Test
    void englishMessagesShowNoEnumerationCode() {
        Set<String> codes = ContractSchemas.allFields().stream().flatMap(f -> f.enumValues().stream()).collect(Collectors.toSet());
        List<String> raw = new ArrayList<>();
        for (Message m : english) {
            Matcher token = TOKEN.matcher(m.text());
            while (token.find()) {
                if (codes.contains(token.group())) {
                    raw.add(m.ruleId() + " on " + m.externalId() + ": " + token.group() + " in " + m.text());
                }
            }
        }
        assertThat(codes).contains("INQUIRY", "SPOUSE", "OPEN_TENDER");
        assertThat(raw).isEmpty();
        assertThat(english).noneSatisfy(m -> assertThat(m.text()).containsAnyOf("⟦", "⟧", "（未填）", "null"));
    }
}
