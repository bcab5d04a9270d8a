/**
 * Who may do what: data feeds authenticate with API keys (stored only as hashes, bound to one source,
 * scoped to records and/or reference data); people sign in as users with roles.
 */
package lianshao.security;
