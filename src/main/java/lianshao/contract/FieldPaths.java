package lianshao.contract;

/** Builds error paths such as {@code payload.bids[2].price}. */
final class FieldPaths {

    static final String ROOT = "";
    /** Path used for errors about the body as a whole. */
    static final String BODY = "$";

    private FieldPaths() {
    }

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String arrayPath, int index) {
        return arrayPath + "[" + index + "]";
    }
}
