package lianshao.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Chinese meaning of every contract field, from {@code field-descriptions.properties} beside this class
 * (UTF-8; keys as in {@link FieldDescription#key()}). Malformed UTF-8 fails loudly instead of turning into
 * replacement characters.
 */
final class FieldDescriptionTexts {

    static final String RESOURCE = "field-descriptions.properties";

    private FieldDescriptionTexts() {
    }

    /** Every key and its description, sorted by key. */
    static Map<String, String> load() {
        try (InputStream in = FieldDescriptionTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource lianshao/contract/" + RESOURCE);
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
                properties.load(reader);
            }
            Map<String, String> texts = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key).strip()));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lianshao/contract/" + RESOURCE, e);
        }
    }
}
