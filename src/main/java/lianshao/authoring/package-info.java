/**
 * Rule authoring: the rule test files that sit beside each DRL ({@code NAME.test.json}) and the runner
 * that checks a rule set against them.
 */
package lianshao.authoring;
