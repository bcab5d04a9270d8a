package lianshao.warnings;

/** Why a warning was dismissed (with free text beside it). */
public enum DismissReason {
    /** 误报：规则条件不成立 */
    FALSE_POSITIVE,
    /** 数据错误 */
    DATA_ERROR,
    /** 有合法依据或已按规定审批 */
    JUSTIFIED,
    /** 与其他预警重复 */
    DUPLICATE,
    /** 不属于本单位管辖 */
    OUT_OF_SCOPE,
    /** 其他 */
    OTHER
}
