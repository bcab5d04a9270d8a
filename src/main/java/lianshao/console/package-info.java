/** The web console for discipline-inspection staff: sign-in and the warning overview. */
package lianshao.console;
