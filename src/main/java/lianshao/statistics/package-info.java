/**
 * Statistics of warnings by the period in which the act occurred (the record's occurredAt, in the office's
 * zone), not by when the warning was raised: monthly, quarterly or yearly, grouped by domain, organisation,
 * district, rule or form, with the disposal state of each warning; within the reader's data scope. As JSON,
 * as an XLSX workbook with Chinese headers and labels, and as the console's printable report.
 */
package lianshao.statistics;
