package lianshao.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record domain of the contract on its fact record: the one place a domain is written down. The
 * record's components are the envelope's ({@code recordId, externalId, source, orgCode, occurredAt, occurredOn,
 * current}) and then the payload's fields, each with its {@link Field}, in contract order. Everything else is
 * derived from it: validation, descriptions and labels, OpenAPI, import templates and layouts, lookup and context
 * keys, the item facts the rules see (see {@code docs/architecture.md}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordDomain {

    /** The envelope's {@code domain} value: UPPER_SNAKE, e.g. {@code RESEARCH_FUND}. */
    String name();

    /** Where the domain appears in lists (the envelope's enumeration, menus, statistics): smaller first. */
    int order();

    /** As in URLs and folder names: {@code research-fund} (import kind, {@code rules/<slug>/}, seed files). */
    String slug();

    /** The Chinese name: 科研经费. */
    String zh();

    /** The English name: Research funds. */
    String en();

    /** What one record is, in Chinese: 一笔支出 (the API description reads 科研经费（一笔支出）). */
    String oneRecord();

    /** The keys that relate a record to the earlier records rules compare it with. */
    ContextKey[] keys() default {};

    /** Pairs of date fields whose first must not be after the second. */
    DatePair[] datesInOrder() default {};

    /** A context key: earlier records with the same value are the record's context. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface ContextKey {

        /** Stored key name, e.g. {@code PRC_LINE}; a name once used keeps its meaning (key rows are stored). */
        String name();

        /** Payload fields whose values, joined with |, make the key; the key is absent when one is absent. */
        String[] fields() default {};

        /** Whether the record's {@code orgCode} leads the key (context within one organisation). */
        boolean withinOrg() default true;
    }

    /** Two date fields of the payload in order: {@code first} on or before {@code second}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface DatePair {

        String first();

        String second();
    }
}
