package lianshao.web;

/** Answered 413. */
public class BodyTooLarge extends RuntimeException {

    public BodyTooLarge(long limit) {
        super("请求体超过 " + limit + " 字节 / request body exceeds " + limit + " bytes");
    }
}
