/** The demo city: reference data and records from {@code seeds/}, a demo feed key and demo users. */
package lianshao.demo;
