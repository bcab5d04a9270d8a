package lianshao.web;

/** An unknown id (or one outside the caller's scope): answered 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
