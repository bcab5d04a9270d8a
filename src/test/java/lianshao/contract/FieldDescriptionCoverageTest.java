package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code field-descriptions.properties} and the schemas must match one to one: every field has a Chinese
 * description and every description belongs to a field.
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
        for (FieldDescription field : ContractSchemas.allFields()) {
            String text = file.getProperty(field.key());
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
    void theSchemasCarryTheDescriptionsOfTheFile() {
        for (FieldDescription field : ContractSchemas.allFields()) {
            String text = file.getProperty(field.key());
            assertThat(field.description()).as(field.key()).isEqualTo(text == null ? null : text.strip());
        }
    }

    @Test
    void keysAreUniqueAcrossTheSchemas() {
        List<String> keys = ContractSchemas.allFields().stream().map(FieldDescription::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
