package lianshao.warnings;

/**
 * Where a handed-over warning goes (移交): a third-form warning to the case-review office, a fourth-form one to the
 * discipline inspection and supervision commission or to a judicial organ.
 */
public enum HandoverTarget {
    CASE_REVIEW("案件审理室", "case-review office", 3),
    COMMISSION("纪委监委", "discipline inspection and supervision commission", 4),
    JUDICIAL("司法机关", "judicial organ", 4);

    private final String chineseName;
    private final String englishName;
    private final int form;

    HandoverTarget(String chineseName, String englishName, int form) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.form = form;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /** Whether a warning decided at this form goes here. */
    public boolean takes(int decidedForm) {
        return form == decidedForm;
    }
}
