package lianshao.contract;

import java.util.Collection;

/** Error messages, Chinese first then English, in one string. */
final class Messages {

    static final String BODY_NOT_OBJECT = "请求体必须是 JSON 对象 / body must be a JSON object";
    static final String REQUIRED = "必填字段缺失 / required field is missing";
    static final String UNKNOWN_FIELD = "未知字段 / unknown field";
    static final String NOT_OBJECT = "应为 JSON 对象 / expected a JSON object";
    static final String NOT_ARRAY = "应为数组 / expected an array";
    static final String EMPTY_ARRAY = "数组不能为空 / array must not be empty";
    static final String NOT_STRING = "应为字符串 / expected a string";
    static final String BLANK = "不能为空白 / must not be blank";
    static final String CONTROL_CHARACTERS = "不能包含控制字符 / must not contain control characters";
    static final String NOT_NUMBER = "应为数字 / expected a number";
    static final String NOT_INTEGER = "应为整数 / expected an integer";
    static final String TOO_LARGE = "数值过大 / number is too large";
    static final String NEGATIVE_NUMBER = "不能为负数 / must not be negative";
    static final String NEGATIVE_AMOUNT = "金额不能为负数 / amount must not be negative";
    static final String TOO_MANY_DECIMALS = "金额最多两位小数 / at most 2 decimal places";
    static final String TOO_PRECISE = "小数位过多（最多 " + DecimalType.MAX_SCALE + " 位）/ at most "
            + DecimalType.MAX_SCALE + " decimal places";
    static final String NOT_BOOLEAN = "应为布尔值 / expected a boolean";
    static final String INVALID_DATE = "日期无效，应为 YYYY-MM-DD / invalid date, expected YYYY-MM-DD";
    static final String INVALID_TIMESTAMP = "时间戳无效，应为带时区偏移的 ISO-8601（如 2026-03-01T09:30:00+08:00）"
            + " / invalid timestamp, expected ISO-8601 with offset (e.g. 2026-03-01T09:30:00+08:00)";
    static final String HOLIDAY_AND_WORKDAY = "同一日期不能既是节假日又是调休工作日"
            + " / a date cannot be both a holiday and a workday";

    private Messages() {
    }

    static String oneOf(Collection<String> allowed) {
        String list = String.join(", ", allowed);
        return "取值必须是以下之一: " + list + " / must be one of: " + list;
    }

    static String unknownFieldOfDomains(Collection<Domain> owners) {
        String zh = String.join(" 或 ", owners.stream().map(Domain::name).toList());
        String en = String.join(" or ", owners.stream().map(Domain::name).toList());
        return "未知字段（属于 " + zh + " 领域？）/ unknown field (belongs to domain " + en + "?)";
    }

    static String tooLong(int maxLength) {
        return "长度不能超过 " + maxLength + " 个字符 / must be at most " + maxLength + " characters";
    }

    static String tooManyItems(int maxItems) {
        return "最多 " + maxItems + " 个元素 / at most " + maxItems + " items";
    }

    static String outOfRange(long min, long max) {
        if (max == Integer.MAX_VALUE) {
            return "不能小于 " + min + " / must be at least " + min;
        }
        return "取值必须在 " + min + " 到 " + max + " 之间 / must be between " + min + " and " + max;
    }

    static String notBefore(String earlierField) {
        return "不能早于 " + earlierField + " / must not be before " + earlierField;
    }

    static String sameAs(String otherField) {
        return "不能与 " + otherField + " 相同 / must differ from " + otherField;
    }
}
