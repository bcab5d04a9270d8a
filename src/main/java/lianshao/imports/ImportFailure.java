package lianshao.imports;

/**
 * The file as a whole cannot be read (malformed, hostile, over a limit): the import ends FAILED with this
 * bilingual reason. Rows already processed stay processed.
 */
class ImportFailure extends RuntimeException {

    ImportFailure(String message) {
        super(message);
    }

    ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
