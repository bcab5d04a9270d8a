package lianshao.rules;

/** The row naming the active version; its generation grows with every activation. */
public record ActiveVersionRow(int versionNumber, long generation) {
}
