package lianshao.web;

/** The caller may not do this (e.g. a key posting for another source): answered 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
