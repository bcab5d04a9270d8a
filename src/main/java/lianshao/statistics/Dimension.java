package lianshao.statistics;

/** What the warnings are grouped by: the column read and, for the label, where its name comes from. */
public enum Dimension {
    DOMAIN("w.domain"),
    UNIT("w.org_code"),
    DISTRICT("o.district"),
    RULE("w.rule_id"),
    /** The decided form where one was decided, else the suggested form. */
    FORM("COALESCE(w.decided_form, w.form)");

    final String column;

    Dimension(String column) {
        this.column = column;
    }
}
