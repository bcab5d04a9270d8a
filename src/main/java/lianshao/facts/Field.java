package lianshao.facts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One payload field of a {@link RecordDomain} (or of an item of one of its lists), declared on the fact's record
 * component of the same name. The component's Java type must fit the kind (see {@link Kind}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    /** Line items of one record (payments, fees, bonus items, contract variations...). */
    int LINE_ITEMS = 500;
    /** Bids of one tender, candidates of one award. */
    int BIDS = 200;
    /** People of one panel, committee or list. */
    int PEOPLE = 100;
    /** Members of one research project. */
    int MEMBERS = 200;
    /** Values of an array of enumerations. */
    int ENUM_VALUES = 20;

    Kind kind();

    /** Whether a record must carry it (text: non-blank). */
    boolean required() default false;

    /**
     * What it means, in Chinese; its first phrase is the field's label (采购方式：… gives 采购方式). For {@link Kind#ENUM}
     * and {@link Kind#ENUMS} it names every allowed value with its label: {@code OPEN_TENDER 公开招标、INVITED_TENDER 邀请招标}.
     */
    String zh();

    /** The allowed values of {@link Kind#ENUM} and {@link Kind#ENUMS}, in order. */
    String[] values() default {};

    /**
     * Personal data: what a rule shows instead, e.g. {@code Bid.maskedContactPhone()} (a method of the same record).
     * A rule may test such a field but never show it (the rule safety check refuses it in messages and evidence).
     * Empty for everything else: references are pseudonyms, amounts and dates are what warnings are about.
     */
    String personal() default "";

    /** The most items of a list kind; 0 takes the kind's default ({@link #PEOPLE} for PARTIES, {@link #LINE_ITEMS} for ITEMS). */
    int max() default 0;

    /** The value kinds of the contract (section 2); the Java type of the component in brackets. */
    enum Kind {
        /** Ids, codes, accounts, phone numbers, documents' numbers: text of at most 64 [String]. */
        CODE,
        /** A party's registered id (person or organisation) [String]. */
        PARTY,
        /** Names and titles, at most 200 [String]. */
        NAME,
        /** Free text, at most 2000 [String]. */
        PROSE,
        /** [boolean when required, Boolean otherwise] */
        BOOLEAN,
        /** YYYY-MM-DD [LocalDate]. */
        DATE,
        /** ISO-8601 with offset [OffsetDateTime]. */
        TIMESTAMP,
        /** Yuan, non-negative, at most 2 decimals [BigDecimal]. */
        MONEY,
        /** Yuan that may be negative [BigDecimal]. */
        SIGNED_MONEY,
        /** Scores, points, days, quantities: non-negative [BigDecimal]. */
        NUMBER,
        /** Non-negative whole number [int when required, Integer otherwise]. */
        COUNT,
        /** 1900–2200 [int]. */
        YEAR,
        /** 1 is the best [Integer]. */
        RANK,
        /** School stage: PRIMARY, JUNIOR, SENIOR, VOCATIONAL, HIGHER [String]. */
        STAGE,
        /** One of {@link Field#values()} [String]. */
        ENUM,
        /** Party ids [List<String>]. */
        PARTIES,
        /** Values of {@link Field#values()} [List<String>]. */
        ENUMS,
        /** Objects whose record type declares its own {@link Field}s, with {@code recordId} and {@code index} first [List<Item>]. */
        ITEMS
    }
}
