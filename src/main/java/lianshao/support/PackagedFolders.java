package lianshao.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The {@code rules/} and {@code seeds/} folders of the repository are packaged into the jar under
 * {@code lianshao-defaults/} (see the build). A configured folder that exists is used as it is; when it does not
 * exist (the jar started from another directory than the repository's), the packaged copy is extracted once per
 * run into a temporary folder and used instead, so that {@code java -jar} starts from anywhere.
 */
public final class PackagedFolders {

    static final String ROOT = "lianshao-defaults/";

    private static final Logger log = LoggerFactory.getLogger(PackagedFolders.class);
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private PackagedFolders() {
    }

    /**
     * The configured folder if it exists, else the packaged folder of that name ({@code rules}, {@code seeds}),
     * extracted; the configured folder as it is when nothing of that name is packaged.
     */
    public static Path resolve(Path configured, String name) {
        if (Files.isDirectory(configured)) {
            return configured;
        }
        boolean first = !EXTRACTED.containsKey(name);
        Path packaged = EXTRACTED.computeIfAbsent(name, PackagedFolders::extract);
        if (packaged == null) {
            return configured;
        }
        if (first) {
            log.info("Folder {} does not exist: using the {} packaged with the service ({})", configured.toAbsolutePath(), name,
                    packaged);
        }
        return packaged;
    }

    /** The packaged files of that name in a new temporary folder; null when none are packaged. */
    private static Path extract(String name) {
        String prefix = ROOT + name + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(PackagedFolders.class.getClassLoader())
                    .getResources("classpath*:" + prefix + "**");
            Path target = null;
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(prefix);
                if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                String relative = java.net.URLDecoder.decode(url.substring(at + prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
                if (relative.isEmpty()) {
                    continue;
                }
                if (target == null) {
                    target = Files.createTempDirectory("lianshao-" + name + "-");
                }
                Path file = target.resolve(relative).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("packaged file outside its folder: " + relative);
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the packaged " + name, e);
        }
    }
}
