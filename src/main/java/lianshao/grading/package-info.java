/**
 * Grading: the four forms of supervision (四种形态) and the steps G1–G5 that take a rule's base form
 * to the suggested form of a warning.
 */
package lianshao.grading;
