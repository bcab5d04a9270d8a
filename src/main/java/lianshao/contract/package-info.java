/**
 * The HTTP contract: the schemas of the record envelope, the five domain payloads and the reference
 * bodies, the validator that applies them (every bad field named), and a read-only description of
 * every field for the API description and the import templates.
 */
package lianshao.contract;
