/** HTTP plumbing shared by the API modules: bounded body reading and RFC 9457 problem responses. */
package lianshao.web;
