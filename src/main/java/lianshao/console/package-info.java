/**
 * The web console for discipline-inspection staff: sign-in, dashboard, warning queue and warning
 * pages with the review actions, integrity profiles, coverage map, rule quality, access log, and
 * the administration of users and API keys. Server-rendered, Chinese first, English switchable.
 */
package lianshao.console;
