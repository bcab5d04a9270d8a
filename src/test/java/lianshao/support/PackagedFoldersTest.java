package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules and seeds packaged with the service stand in for folders that do not exist. */
class PackagedFoldersTest {

    @TempDir
    Path temp;

    @Test
    void anExistingFolderIsUsedAsItIs() {
        assertThat(PackagedFolders.resolve(temp, "rules")).isEqualTo(temp);
    }

    @Test
    void aMissingFolderIsReplacedByThePackagedCopyOfTheRepositorysFolder() throws IOException {
        for (String name : List.of("rules", "seeds")) {
            Path packaged = PackagedFolders.resolve(temp.resolve("not-there"), name);
            assertThat(packaged).isDirectory().isNotEqualTo(temp.resolve("not-there"));
            assertThat(files(packaged)).as(name).isEqualTo(files(Path.of(name))).isNotEmpty();
            assertThat(PackagedFolders.resolve(temp.resolve("also-not-there"), name)).isEqualTo(packaged);
        }
        Path rules = PackagedFolders.resolve(temp.resolve("not-there"), "rules");
        assertThat(Files.readString(rules.resolve("thresholds.properties"))).isEqualTo(Files.readString(Path.of("rules/thresholds.properties")));
    }

    @Test
    void nothingPackagedUnderTheNameLeavesTheConfiguredFolder() {
        Path missing = temp.resolve("missing");
        assertThat(PackagedFolders.resolve(missing, "no-such-folder")).isEqualTo(missing);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
