package lianshao.grading;

/** 监督执纪"四种形态". */
public enum SupervisionForm {
    FIRST(1, "第一种形态", "First form: talk and criticism"),
    SECOND(2, "第二种形态", "Second form: light sanction or organisational adjustment"),
    THIRD(3, "第三种形态", "Third form: heavy sanction or major post change"),
    FOURTH(4, "第四种形态", "Fourth form: case filed, suspected crime");

    private final int number;
    private final String chineseName;
    private final String englishName;

    SupervisionForm(int number, String chineseName, String englishName) {
        this.number = number;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public static SupervisionForm of(int number) {
        for (SupervisionForm form : values()) {
            if (form.number == number) {
                return form;
            }
        }
        throw new IllegalArgumentException("no form " + number);
    }

    public int number() {
        return number;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /** The level word shown beside the form. */
    public String level() {
        return switch (this) {
            case FIRST -> "LOW";
            case SECOND -> "MEDIUM";
            case THIRD -> "HIGH";
            case FOURTH -> "CRITICAL";
        };
    }
}
