package lianshao.facts;

/** A school, university, bureau... with its parent bureau. */
public record Org(String code, String name, String type, String district, String parentCode) {
}
