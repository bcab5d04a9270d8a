/** Small shared helpers: identifiers, hashing, time, and the MySQL driver settings of the connection pool. */
package lianshao.support;
