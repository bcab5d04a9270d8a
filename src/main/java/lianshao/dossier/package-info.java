/**
 * The printable dossier of a warning (预警卷宗): its explanation, matched facts, grading steps, the record as
 * labelled fields, the review state and the audit trail, rendered by the service as a PDF with an embedded
 * CJK font. Read within the reader's data scope and logged like opening the warning.
 */
package lianshao.dossier;
