package lianshao.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.chrono.ChronoLocalDate;
import java.time.chrono.ChronoLocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import lianshao.contract.Domain;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.CompanyRole;
import lianshao.facts.HitBuilder;
import lianshao.facts.Hits;
import lianshao.facts.Jurisdiction;
import lianshao.facts.Kin;
import lianshao.facts.Leader;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.facts.RecruitmentRelative;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.Tender;
import lianshao.facts.Thresholds;
import lianshao.facts.WorkCalendar;

/**
 * The only methods a rule may call, in its conditions or its consequence: the allow-list of the
 * rule-author boundary. A call (or a DRL property read, which is a getter call) is resolved against the
 * static type of its receiver and passes only if the method it resolves to is listed here. Anything
 * else — an unlisted method, a receiver whose type cannot be told — is refused.
 *
 * <p>Nothing listed returns {@code Class}, {@code ClassLoader}, {@code Module}, reflection types,
 * {@code URL}/{@code URI}/{@code Path}/{@code File}, streams, iterators, arrays or I/O, and nothing
 * allocates without bound: {@code repeat}, {@code pow}, {@code scaleByPowerOfTen}, {@code datesUntil},
 * {@code formatted}, {@code chars}, {@code replace} are absent; {@code movePointRight}/{@code Left} take
 * a small integer literal only. {@code AllowedMembersTest} walks every type reachable from the fact
 * model through this list and checks both claims, and that every other public method is refused.
 */
final class AllowedMembers {

    /** What a call does to the size of values, which decides where it may appear. */
    enum Kind {
        /** The result is no larger than the receiver and arguments (a read, a comparison, a date shift). */
        READ,
        /**
         * The result grows with receiver and argument together ({@code multiply}, {@code add},
         * {@code concat}): fine once, but not in a value a rule binds and feeds into the next pattern,
         * where squaring from pattern to pattern would double its size each time.
         */
        COMBINES,
        /** Every {@code int} argument must be an integer literal from 0 to {@link #MAX_LITERAL}. */
        SMALL_LITERAL,
        /**
         * Personal data (a person's name, an identifier, a phone, an address, an account). A condition may
         * test it for equality, membership, emptiness and length, or pass it to a fact method; it may not
         * take it apart or order it (a draft's backtest would spell it out one hit per rule). Nothing derived
         * from it may reach a consequence, neither the value, nor a text, number or boolean computed from
         * it, nor a variable bound to it; a consequence shows the entry's {@link Entry#masked() masked} form.
         */
        SENSITIVE
    }

    static final int MAX_LITERAL = 10;

    /** One allowed method: declared by {@code type} or a subtype overriding it. */
    record Entry(Class<?> type, String name, List<Class<?>> parameters, Kind kind, String reason, String masked) {

        Entry(Class<?> type, String name, List<Class<?>> parameters, Kind kind, String reason) {
            this(type, name, parameters, kind, reason, null);
        }

        /** How a refusal names this member: {@code Bid.depositAccount()}. */
        String member() {
            return type.getSimpleName() + "." + name + "()";
        }

        boolean matches(Method method) {
            return name.equals(method.getName()) && type.isAssignableFrom(method.getDeclaringClass())
                    && parameters.equals(List.of(method.getParameterTypes()));
        }
    }

    private static final String OBJECT = "任何值的相等、散列与文本形式 / equality, hash and text of any value";
    private static final String FACTS = "事实模型：本服务评审过的只读访问器与辅助方法，读取被评估的数据 / the fact model: reviewed "
            + "read-only accessors and helpers of this service over the evaluated data";
    private static final String HITS = "记录命中的接口：规则唯一的动作（只在结论中可用） / the hit-recording API: the one action of a "
            + "rule (reachable in consequences only, through the global hits)";
    private static final String TEXT = "文本的只读查询，结果不超过原文 / a read-only query of a text, no larger than the text";
    private static final String TEXT_CONCAT = "拼接两个文本，长度为两者之和 / joins two texts; as long as both";
    private static final String NUMBER = "数值的比较与换算 / comparison and conversion of a number";
    private static final String DECIMAL_ARITHMETIC = "金额运算，位数不超过两数位数之和 / arithmetic of amounts; no more digits than "
            + "both operands together";
    private static final String DECIMAL_SHIFT = "百分比换算（小数点移动 0–10 位，字面量） / percentages (a decimal point moved by a "
            + "literal 0 to 10 places)";
    private static final String DATE = "日期的比较、分量与加减（结果仍是日期，越界时抛出异常） / comparison, fields and shifts of a "
            + "date (the result is a date; out of range throws)";
    private static final String SPAN = "时长的分量与比较 / fields and comparison of a span";
    private static final String COLLECTION = "集合的只读查询 / a read-only query of a collection";
    private static final String MAP = "映射的只读查询 / a read-only query of a map";

    private static final String PERSONAL = "个人信息（姓名、身份标识、联系方式、地址、账户）：只能在条件中判断相等，结论中只能显示掩码形式 / "
            + "personal data (a name, an identifier, a contact, an address, an account): conditions may test it for equality, a "
            + "consequence shows only its masked form";

    /**
     * The personal data of the fact model, each with what a consequence shows instead: the parties' (reference
     * data) listed here, the domains' marked in their declarations. Chosen by reviewing every component of
     * {@code lianshao.facts} (docs/rules-authoring.md lists why the others are not): references ({@code studentRef}, {@code payeeRef}...) are pseudonyms that name the
     * parties of a warning; districts, invoice numbers, file fingerprints, credit codes of organisations,
     * scores and amounts are what the warnings are about.
     */
    private static final List<Sensitive> SENSITIVE = personalData();

    private static List<Sensitive> personalData() {
        List<Sensitive> list = new ArrayList<>(List.of(
                new Sensitive(Party.class, "name", "Party.maskedName()（个人只留姓氏首字，单位名称照常 / a person's first character, "
                        + "an organisation's whole name）"),
                new Sensitive(Party.class, "phone", "Party.maskedPhone()"),
                new Sensitive(Party.class, "address", "Party.maskedAddress()"),
                new Sensitive(Party.class, "bankAccount", "Party.maskedBankAccount()")));
        // the domains' personal data, as their declarations mark it (@Field(personal = ...))
        for (Domain domain : Domain.values()) {
            List<Class<?>> types = new ArrayList<>(domain.itemTypes());
            types.add(0, domain.factType());
            for (Class<?> type : types) {
                for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
                    lianshao.facts.Field field = component.getAnnotation(lianshao.facts.Field.class);
                    if (field != null && !field.personal().isEmpty()) {
                        list.add(new Sensitive(type, component.getName(), field.personal()));
                    }
                }
            }
        }
        return List.copyOf(list);
    }

    /** A record component holding personal data, and the accessor a consequence uses instead. */
    record Sensitive(Class<?> type, String name, String masked) {
    }

    /**
     * The reviewed fact model: the reference types and each declared domain's record and item types — the
     * types a rule reads, and the fact types a field of a declared derived fact may hold.
     */
    private static final List<Class<?>> FACT_MODEL = factModelTypes();

    private static final List<Entry> ENTRIES = build();

    private static List<Class<?>> factModelTypes() {
        List<Class<?>> types = new ArrayList<>(List.of(AdmissionPlan.class, CompanyRole.class, Jurisdiction.class, Kin.class,
                Leader.class, Org.class, Party.class, PriorHit.class, RecordFact.class, RecruitmentRelative.class, Relation.class,
                Sanction.class, Thresholds.class, WorkCalendar.class));
        for (Domain domain : Domain.values()) {
            types.add(domain.factType());
            types.addAll(domain.itemTypes());
        }
        return List.copyOf(types);
    }

    /** Whether the type is one of the reviewed fact model (not the hit API, not a helper of the package). */
    static boolean isFactModel(Class<?> type) {
        return FACT_MODEL.contains(type);
    }

    private AllowedMembers() {
    }

    /** The entry allowing this method, or null. */
    static Entry find(Method method) {
        return FOUND.computeIfAbsent(method, AllowedMembers::lookUp).orElse(null);
    }

    private static final Map<Method, java.util.Optional<Entry>> FOUND = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Optional<Entry> lookUp(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
            return java.util.Optional.empty();
        }
        return ENTRIES.stream().filter(entry -> entry.matches(method)).findFirst();
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    static List<Sensitive> sensitive() {
        return SENSITIVE;
    }

    /**
     * Whether a value of this type may carry personal data inside it, so that its text form
     * ({@code toString}, concatenation, evidence) would show it: a fact type with a {@link Kind#SENSITIVE}
     * member or with a component that may carry some ({@code Tender.bids}), a collection or map of
     * such values, and any value whose type cannot be told ({@code Object}, an interface of facts).
     */
    static boolean mayCarryPersonalData(StaticType type) {
        return CARRIES.computeIfAbsent(type, t -> carries(t, new java.util.HashSet<>()));
    }

    private static final Map<StaticType, Boolean> CARRIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean carries(StaticType type, java.util.Set<Class<?>> seen) {
        if (type == null || type.isNull()) {
            return false;
        }
        if (type.isDeclared()) {
            // a declared fact's text shows every field
            return type.declared().fields().stream().anyMatch(f -> carries(f.type(), seen));
        }
        Class<?> raw = type.boxed().raw();
        if (raw == Object.class) {
            return true;
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return type.arguments().isEmpty() || type.arguments().stream().anyMatch(a -> carries(a, seen));
        }
        // the hit API holds only what consequences, checked themselves, gave it
        if (!raw.getPackageName().equals("lianshao.facts") || raw == Hits.class || raw == HitBuilder.class) {
            return false;
        }
        if (!raw.isRecord()) {
            return true;
        }
        if (!seen.add(raw)) {
            return false;
        }
        if (SENSITIVE.stream().anyMatch(s -> s.type() == raw)) {
            return true;
        }
        for (java.lang.reflect.RecordComponent component : raw.getRecordComponents()) {
            if (carries(type.returnType(component.getAccessor()), seen)) {
                return true;
            }
        }
        return false;
    }

    private static List<Entry> build() {
        List<Entry> list = new ArrayList<>();
        read(list, Object.class, OBJECT, "equals", Object.class);
        read(list, Object.class, OBJECT, "hashCode");
        read(list, Object.class, OBJECT, "toString");

        factModel(list, FACT_MODEL);
        for (Class<?> api : List.of(Hits.class, HitBuilder.class)) {
            for (Method m : api.getDeclaredMethods()) {
                list.add(new Entry(api, m.getName(), List.of(m.getParameterTypes()), Kind.READ, HITS));
            }
        }

        read(list, String.class, TEXT, "length");
        read(list, String.class, TEXT, "charAt", int.class);
        read(list, String.class, TEXT, "isEmpty");
        read(list, String.class, TEXT, "isBlank");
        read(list, String.class, TEXT, "equalsIgnoreCase", String.class);
        read(list, String.class, TEXT, "compareTo", String.class);
        read(list, String.class, TEXT, "compareToIgnoreCase", String.class);
        read(list, String.class, TEXT, "contains", CharSequence.class);
        read(list, String.class, TEXT, "startsWith", String.class);
        read(list, String.class, TEXT, "endsWith", String.class);
        read(list, String.class, TEXT, "indexOf", String.class);
        read(list, String.class, TEXT, "lastIndexOf", String.class);
        read(list, String.class, TEXT, "substring", int.class);
        read(list, String.class, TEXT, "substring", int.class, int.class);
        read(list, String.class, TEXT, "trim");
        read(list, String.class, TEXT, "strip");
        read(list, String.class, TEXT, "toUpperCase");
        read(list, String.class, TEXT, "toLowerCase");
        list.add(new Entry(String.class, "concat", List.of(String.class), Kind.COMBINES, TEXT_CONCAT));

        for (Class<?> box : List.of(Integer.class, Long.class, Double.class, Short.class, Byte.class, Float.class)) {
            read(list, box, NUMBER, "compareTo", box);
        }
        for (Class<?> number : List.of(Number.class, Integer.class, Long.class, Double.class, Short.class, Byte.class, Float.class,
                BigDecimal.class)) {
            read(list, number, NUMBER, "intValue");
            read(list, number, NUMBER, "longValue");
            read(list, number, NUMBER, "doubleValue");
        }
        read(list, Boolean.class, NUMBER, "booleanValue");
        read(list, Boolean.class, NUMBER, "compareTo", Boolean.class);

        read(list, BigDecimal.class, NUMBER, "compareTo", BigDecimal.class);
        read(list, BigDecimal.class, NUMBER, "signum");
        read(list, BigDecimal.class, NUMBER, "scale");
        read(list, BigDecimal.class, NUMBER, "precision");
        read(list, BigDecimal.class, NUMBER, "abs");
        read(list, BigDecimal.class, NUMBER, "negate");
        read(list, BigDecimal.class, NUMBER, "min", BigDecimal.class);
        read(list, BigDecimal.class, NUMBER, "max", BigDecimal.class);
        read(list, BigDecimal.class, NUMBER, "stripTrailingZeros");
        // plain text of an amount: the contract keeps amounts to 16 integer digits and 10 decimals
        read(list, BigDecimal.class, NUMBER, "toPlainString");
        for (String op : List.of("add", "subtract", "multiply")) {
            list.add(new Entry(BigDecimal.class, op, List.of(BigDecimal.class), Kind.COMBINES, DECIMAL_ARITHMETIC));
        }
        for (String op : List.of("movePointRight", "movePointLeft")) {
            list.add(new Entry(BigDecimal.class, op, List.of(int.class), Kind.SMALL_LITERAL, DECIMAL_SHIFT));
        }

        read(list, LocalDate.class, DATE, "isBefore", ChronoLocalDate.class);
        read(list, LocalDate.class, DATE, "isAfter", ChronoLocalDate.class);
        read(list, LocalDate.class, DATE, "isEqual", ChronoLocalDate.class);
        read(list, LocalDate.class, DATE, "compareTo", ChronoLocalDate.class);
        read(list, LocalDate.class, DATE, "until", ChronoLocalDate.class);
        read(list, LocalDate.class, DATE, "toEpochDay");
        read(list, LocalDate.class, DATE, "isLeapYear");
        read(list, LocalDate.class, DATE, "lengthOfMonth");
        read(list, LocalDate.class, DATE, "lengthOfYear");
        for (String field : List.of("getYear", "getMonthValue", "getDayOfMonth", "getDayOfYear")) {
            read(list, LocalDate.class, DATE, field);
        }
        for (String unit : List.of("Days", "Weeks", "Months", "Years")) {
            read(list, LocalDate.class, DATE, "plus" + unit, long.class);
            read(list, LocalDate.class, DATE, "minus" + unit, long.class);
        }
        for (Class<?> dateTime : List.of(LocalDateTime.class, OffsetDateTime.class)) {
            Class<?> comparable = dateTime == LocalDateTime.class ? ChronoLocalDateTime.class : OffsetDateTime.class;
            read(list, dateTime, DATE, "isBefore", comparable);
            read(list, dateTime, DATE, "isAfter", comparable);
            read(list, dateTime, DATE, "isEqual", comparable);
            read(list, dateTime, DATE, "compareTo", comparable);
            read(list, dateTime, DATE, "toLocalDate");
            for (String field : List.of("getYear", "getMonthValue", "getDayOfMonth", "getDayOfYear", "getHour", "getMinute",
                    "getSecond")) {
                read(list, dateTime, DATE, field);
            }
            for (String unit : List.of("Seconds", "Minutes", "Hours", "Days", "Weeks", "Months", "Years")) {
                read(list, dateTime, DATE, "plus" + unit, long.class);
                read(list, dateTime, DATE, "minus" + unit, long.class);
            }
        }
        read(list, OffsetDateTime.class, DATE, "toLocalDateTime");
        read(list, OffsetDateTime.class, DATE, "toEpochSecond");
        for (String field : List.of("toDays", "toHours", "toMinutes", "getSeconds", "isNegative", "isZero")) {
            read(list, Duration.class, SPAN, field);
        }
        read(list, Duration.class, SPAN, "compareTo", Duration.class);
        for (String field : List.of("getYears", "getMonths", "getDays", "toTotalMonths", "isNegative", "isZero")) {
            read(list, Period.class, SPAN, field);
        }

        read(list, Collection.class, COLLECTION, "size");
        read(list, Collection.class, COLLECTION, "isEmpty");
        read(list, Collection.class, COLLECTION, "contains", Object.class);
        read(list, Collection.class, COLLECTION, "containsAll", Collection.class);
        read(list, List.class, COLLECTION, "get", int.class);
        read(list, List.class, COLLECTION, "indexOf", Object.class);
        read(list, List.class, COLLECTION, "lastIndexOf", Object.class);
        read(list, Map.class, MAP, "size");
        read(list, Map.class, MAP, "isEmpty");
        read(list, Map.class, MAP, "containsKey", Object.class);
        read(list, Map.class, MAP, "containsValue", Object.class);
        read(list, Map.class, MAP, "get", Object.class);
        return List.copyOf(list);
    }

    private static void read(List<Entry> list, Class<?> type, String reason, String name, Class<?>... parameters) {
        list.add(new Entry(type, name, List.of(parameters), Kind.READ, reason));
    }

    /** Every public instance method a fact type declares itself: its record components and helpers. */
    private static void factModel(List<Entry> list, List<Class<?>> types) {
        for (Class<?> type : types) {
            Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                    .forEach(m -> list.add(SENSITIVE.stream()
                            .filter(s -> s.type() == type && s.name().equals(m.getName()) && m.getParameterCount() == 0)
                            .findFirst()
                            .map(s -> new Entry(type, m.getName(), List.of(), Kind.SENSITIVE, PERSONAL, s.masked()))
                            .orElseGet(() -> new Entry(type, m.getName(), List.of(m.getParameterTypes()), Kind.READ, FACTS))));
        }
    }
}
