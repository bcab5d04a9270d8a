/**
 * Search (检索): one box that finds parties, organisations, warnings and records by a name, an ID number (matched
 * on its hash only), a warning number or a record number, within the searcher's data scope; every search is
 * written to the access log with the query masked.
 */
package lianshao.search;
