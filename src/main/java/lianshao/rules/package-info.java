/**
 * Rule sets: read the DRL files and thresholds, check them for safety before anything is built
 * ({@link lianshao.rules.DrlSafetyCheck}), check every rule's metadata, compile them into one rule base
 * with a content-hash version, store versions in the database, and hold the active one on every
 * instance (polling the active-version row; optionally watching the rules folder).
 */
package lianshao.rules;
