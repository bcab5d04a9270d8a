package lianshao.dossier;

/** The configured CJK font cannot be read or has no Chinese glyphs: no dossier rather than one of empty boxes. */
public class FontUnavailable extends RuntimeException {

    FontUnavailable(String message) {
        super(message);
    }
}
