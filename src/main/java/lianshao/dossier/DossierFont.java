package lianshao.dossier;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font embedded in dossiers ({@code lianshao.dossier.font}: a TrueType font or collection; by default
 * Debian's WenQuanYi Micro Hei from package fonts-wqy-microhei). A missing file, or one without Chinese
 * glyphs, is refused before rendering, since the renderer would otherwise fall back to a Latin font and
 * print empty boxes.
 */
@Component
class DossierFont {

    /** The family name the dossier's stylesheet asks for. */
    static final String FAMILY = "dossier-cjk";
    /** 廉: a character every Chinese font has, and the dossier prints. */
    private static final int PROBE = 0x5EC9;

    private final Path path;

    DossierFont(@Value("${lianshao.dossier.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String path) {
        this.path = Path.of(path);
    }

    /** The font file, checked to exist and to draw Chinese. */
    File file() {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new FontUnavailable("找不到中文字体 " + path + " / the CJK font " + path + " is missing");
        }
        if (!drawsChinese()) {
            throw new FontUnavailable("字体 " + path + " 不含中文字形 / the font " + path + " has no Chinese glyphs");
        }
        return path.toFile();
    }

    private boolean drawsChinese() {
        try {
            if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                AtomicBoolean found = new AtomicBoolean();
                try (TrueTypeCollection collection = new TrueTypeCollection(path.toFile())) {
                    collection.processAllFonts(font -> found.compareAndSet(false, hasProbe(font)));
                }
                return found.get();
            }
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()))) {
                return hasProbe(font);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasProbe(TrueTypeFont font) throws IOException {
        var cmap = font.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId(PROBE) > 0;
    }
}
