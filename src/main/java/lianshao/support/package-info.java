/** Small shared helpers: identifiers, hashing, time. */
package lianshao.support;
