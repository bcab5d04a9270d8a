package lianshao.web;

/** Answered 503 with Retry-After: the service cannot take the request now. */
public class ServiceBusy extends RuntimeException {

    public ServiceBusy(String message) {
        super(message);
    }
}
