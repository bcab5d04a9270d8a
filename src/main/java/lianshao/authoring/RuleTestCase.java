package lianshao.authoring;

import tools.jackson.databind.JsonNode;

/**
 * One case of a rule test file: a record (with extra context) and what the file's rule should do.
 *
 * @param file        the test file, relative to the rules folder
 * @param ruleId      the rule under test
 * @param name        what the case shows
 * @param record      the record envelope under evaluation
 * @param context     the context: file-level merged with case-level
 * @param expect      {@code fires}, and optionally {@code form}, {@code subjects}, {@code evidence},
 *                    {@code suspectedCrime}, {@code benefit}
 */
public record RuleTestCase(String file, String ruleId, String name, JsonNode record, JsonNode context, JsonNode expect) {

    public String displayName() {
        return ruleId + " · " + name;
    }
}
