package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The descriptions and the schemas match one to one: every field has a Chinese description (from its domain's
 * declaration or from {@code field-descriptions.properties}) and every description of the file belongs to a field
 * that no declaration describes.
 */
class FieldDescriptionCoverageTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private static Properties file;
    private static final List<String> duplicateKeys = new ArrayList<>();

    @BeforeAll
    static void readTheFileAsItIsWritten() throws Exception {
        file = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    duplicateKeys.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (InputStream in = FieldDescriptionCoverageTest.class.getResourceAsStream("field-descriptions.properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
            file.load(reader);
        }
    }

    @Test
    void everySchemaFieldHasAChineseDescription() {
        List<String> missing = new ArrayList<>();
        Map<String, String> texts = FieldDescriptionTexts.load();
        for (FieldDescription field : ContractSchemas.allFields()) {
            String text = texts.get(field.key());
            if (text == null || text.isBlank() || !CHINESE.matcher(text).find()) {
                missing.add(field.key());
            }
        }
        assertThat(missing).as("schema fields without a Chinese description").isEmpty();
    }

    @Test
    void everyDescriptionKeyMatchesASchemaField() {
        Set<String> fieldKeys = new HashSet<>();
        ContractSchemas.allFields().forEach(field -> fieldKeys.add(field.key()));
        Set<String> orphans = new TreeSet<>(file.stringPropertyNames());
        orphans.removeAll(fieldKeys);
        assertThat(orphans).as("descriptions that match no schema field").isEmpty();
    }

    @Test
    void noKeyIsWrittenTwice() {
        assertThat(duplicateKeys).isEmpty();
    }

    @Test
    void theSchemasCarryTheDescriptionsOfTheFileAndOfTheDeclarations() {
        Map<String, String> texts = FieldDescriptionTexts.load();
        for (FieldDescription field : ContractSchemas.allFields()) {
            assertThat(field.description()).as(field.key()).isEqualTo(texts.get(field.key()));
            String inFile = file.getProperty(field.key());
            if (inFile != null) {
                assertThat(field.description()).as(field.key()).isEqualTo(inFile.strip());
            }
        }
    }

    @Test
    void theFileDescribesNoDomainField() {
        List<String> domainKeys = file.stringPropertyNames().stream()
                .filter(key -> Domain.parse(key.substring(0, key.indexOf('.'))).isPresent() || key.equals("ENVELOPE.domain"))
                .toList();
        assertThat(domainKeys).as("described by the domains' declarations instead").isEmpty();
    }

    @Test
    void keysAreUniqueAcrossTheSchemas() {
        List<String> keys = ContractSchemas.allFields().stream().map(FieldDescription::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
