package lianshao.web;

/** Answered 413. */
public class BodyTooLarge extends RuntimeException {

    public BodyTooLarge(long limit) {
        super("请求体超过 " + limit + " 字节 / request body exceeds " + limit + " bytes");
    }

    /** With a message of its own, such as an uploaded file over its limit. */
    public BodyTooLarge(String message) {
        super(message);
    }
}
