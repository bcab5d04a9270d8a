package lianshao.security;

/** What an API key may write. */
public enum Scope {
    RECORDS, REFERENCE;

    String authority() {
        return "SCOPE_" + name();
    }
}
