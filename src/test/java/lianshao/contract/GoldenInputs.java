package lianshao.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import lianshao.authoring.RuleTestCase;
import lianshao.authoring.RuleTestFiles;
import lianshao.support.Json;

/** Every record envelope the repository holds: the demo seeds and the records of every rule test case. */
final class GoldenInputs {

    static final Path SEEDS = Path.of("seeds/records");
    static final Path RULES = Path.of("rules");

    /** One envelope and where it comes from. */
    record Input(String label, String domain, JsonNode envelope) {
    }

    private GoldenInputs() {
    }

    static List<Input> all() {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                int i = 0;
                for (JsonNode envelope : Json.parse(Files.readString(file))) {
                    inputs.add(input("seed " + file.getFileName() + "[" + i++ + "] " + envelope.path("externalId").asString(),
                            envelope));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (RuleTestCase c : cases()) {
            String prefix = "test " + c.file() + " › " + c.name() + " › ";
            int i = 0;
            for (JsonNode envelope : c.context().path("records")) {
                inputs.add(input(prefix + "context record #" + i++, envelope));
            }
            inputs.add(input(prefix + "record", c.record()));
        }
        return inputs;
    }

    static List<RuleTestCase> cases() {
        return RuleTestFiles.find(RULES).stream().flatMap(file -> RuleTestFiles.read(RULES, file).stream()).toList();
    }

    private static Input input(String label, JsonNode envelope) {
        return new Input(label, envelope.path("domain").asString(), envelope);
    }
}
