/**
 * Rule sets: read the DRL files and thresholds, check every rule's metadata, compile them into one
 * rule base with a content-hash version, and hold the active one.
 */
package lianshao.rules;
