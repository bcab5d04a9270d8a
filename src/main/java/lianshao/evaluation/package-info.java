/**
 * Evaluation: one record plus its context become facts, a fresh rule session fires within its
 * budgets, and the hits come out. Pure engine work: no database here.
 */
package lianshao.evaluation;
