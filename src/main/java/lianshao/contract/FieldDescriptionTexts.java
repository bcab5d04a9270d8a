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
import java.util.stream.Collectors;

/**
 * The Chinese meaning of every contract field (keys as in {@link FieldDescription#key()}): the domains' payload
 * fields from their declarations, the envelope's {@code domain} from the list of domains, everything else (envelope,
 * reference data, batches) from {@code field-descriptions.properties} beside this class (UTF-8; malformed UTF-8
 * fails loudly instead of turning into replacement characters).
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
            texts.put(ContractSchemas.ENVELOPE + ".domain", "业务领域：" + Domain.values().stream()
                    .map(d -> d.name() + " " + d.zh()).collect(Collectors.joining("、")) + "；payload 须符合该领域的数据结构。");
            texts.putAll(DomainDeclarations.descriptions(Domain.values()));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lianshao/contract/" + RESOURCE, e);
        }
    }
}
