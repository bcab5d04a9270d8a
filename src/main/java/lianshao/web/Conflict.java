package lianshao.web;

/** A state transition that is not allowed now: answered 409 with the reason. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
