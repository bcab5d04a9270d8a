/**
 * Ledger imports (台账导入): XLSX templates generated from the contract schemas, uploads of XLSX or CSV
 * ledgers processed row by row in the background through the same validation, idempotency and
 * evaluation as the HTTP contract, progress and a row-level report, and the audit of every import.
 */
package lianshao.imports;
