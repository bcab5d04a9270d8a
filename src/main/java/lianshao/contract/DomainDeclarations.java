package lianshao.contract;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import lianshao.facts.Field;
import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain;

/**
 * Reads the {@link RecordDomain} declarations: each domain's payload schema and field descriptions, and the
 * checks that make a wrong declaration fail at start-up (a component without a {@link Field}, a Java type that
 * does not fit its kind, an enumeration whose description does not name a value, a key or date pair naming no
 * field) instead of silently dropping data.
 */
final class DomainDeclarations {

    /** The envelope's components, first in every domain record. */
    static final List<String> ENVELOPE_COMPONENTS = List.of("recordId", "externalId", "source", "orgCode", "occurredAt",
            "occurredOn", "current");
    /** The components every item record starts with, filled from the record and the item's position. */
    static final List<String> ITEM_COMPONENTS = List.of("recordId", "index");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private DomainDeclarations() {
    }

    /** The payload schema a domain's declaration describes, fields in component order. */
    static ObjectSchema schema(Domain domain) {
        ObjectSchema.Builder builder = fields(domain.factType(), ENVELOPE_COMPONENTS);
        for (RecordDomain.DatePair pair : domain.declaration().datesInOrder()) {
            builder.check(new DateOrder(pair.first(), pair.second()));
        }
        return builder.build();
    }

    /** The Chinese description of every declared field, keyed as {@link FieldDescription#key()}. */
    static Map<String, String> descriptions(List<Domain> domains) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Domain domain : domains) {
            describe(domain.name(), domain.factType(), ENVELOPE_COMPONENTS, texts);
        }
        return texts;
    }

    /** The JSON names of a domain's fields (items' fields included) that hold party ids. */
    static Set<String> partyFields(Class<?> factType) {
        Set<String> names = new HashSet<>();
        collectNames(factType, true, names);
        return Set.copyOf(names);
    }

    /** The accessors of a domain's lists of items ({@link Kind#ITEMS}), in component order. */
    static List<Method> itemLists(Class<?> factType) {
        List<Method> lists = new ArrayList<>();
        for (RecordComponent component : factType.getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            if (field != null && field.kind() == Kind.ITEMS) {
                lists.add(component.getAccessor());
            }
        }
        return List.copyOf(lists);
    }

    static void check(List<Domain> domains) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (Domain domain : domains) {
            RecordDomain d = domain.declaration();
            String where = domain.factType().getSimpleName() + ": ";
            if (!UPPER_SNAKE.matcher(d.name()).matches() || !names.add(d.name())) {
                problems.add(where + "name " + d.name() + " is not UPPER_SNAKE or not unique");
            }
            if (!SLUG.matcher(d.slug()).matches() || !slugs.add(d.slug())) {
                problems.add(where + "slug " + d.slug() + " is not lower-kebab or not unique");
            }
            if (!orders.add(d.order())) {
                problems.add(where + "order " + d.order() + " is not unique");
            }
            RecordComponent[] components = domain.factType().getRecordComponents();
            for (int i = 0; i < ENVELOPE_COMPONENTS.size(); i++) {
                if (components.length <= i || !components[i].getName().equals(ENVELOPE_COMPONENTS.get(i))) {
                    problems.add(where + "the first components must be " + ENVELOPE_COMPONENTS);
                    break;
                }
            }
            checkFields(domain.factType(), ENVELOPE_COMPONENTS, where, problems);
            Set<String> others = new HashSet<>();
            collectNames(domain.factType(), false, others);
            others.stream().filter(domain::partyField).forEach(name -> problems.add(where + name
                    + " holds party ids in one place and not in another: give one of them another name"));
            Map<String, Field> fields = declared(domain.factType(), ENVELOPE_COMPONENTS);
            for (RecordDomain.ContextKey key : d.keys()) {
                for (String field : key.fields()) {
                    if (!fields.containsKey(field) || isList(fields.get(field).kind())) {
                        problems.add(where + "key " + key.name() + " names " + field + ", not a single-valued field");
                    }
                }
                if (!UPPER_SNAKE.matcher(key.name()).matches()) {
                    problems.add(where + "key name " + key.name() + " is not UPPER_SNAKE");
                }
            }
            for (RecordDomain.DatePair pair : d.datesInOrder()) {
                for (String field : List.of(pair.first(), pair.second())) {
                    if (!fields.containsKey(field) || fields.get(field).kind() != Kind.DATE) {
                        problems.add(where + "date pair names " + field + ", not a DATE field");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid domain declarations:\n  " + String.join("\n  ", problems));
        }
    }

    private static ObjectSchema.Builder fields(Class<?> type, List<String> filled) {
        ObjectSchema.Builder builder = ObjectSchema.builder();
        for (RecordComponent component : type.getRecordComponents()) {
            if (filled.contains(component.getName())) {
                continue;
            }
            Field field = component.getAnnotation(Field.class);
            FieldType fieldType = type(field, component);
            if (field.required()) {
                builder.required(component.getName(), fieldType);
            } else {
                builder.optional(component.getName(), fieldType);
            }
        }
        return builder;
    }

    private static FieldType type(Field field, RecordComponent component) {
        return switch (field.kind()) {
            case CODE, PARTY -> FieldTypes.CODE;
            case NAME -> FieldTypes.NAME;
            case PROSE -> FieldTypes.PROSE;
            case BOOLEAN -> FieldTypes.BOOLEAN;
            case DATE -> FieldTypes.DATE;
            case TIMESTAMP -> FieldTypes.TIMESTAMP;
            case MONEY -> FieldTypes.MONEY;
            case SIGNED_MONEY -> FieldTypes.SIGNED_MONEY;
            case NUMBER -> FieldTypes.NUMBER;
            case COUNT -> FieldTypes.COUNT;
            case YEAR -> FieldTypes.YEAR;
            case RANK -> FieldTypes.RANK;
            case STAGE -> FieldTypes.STAGE;
            case ENUM -> FieldTypes.oneOf(field.values());
            case PARTIES -> FieldTypes.refs(max(field, Field.PEOPLE));
            case ENUMS -> FieldTypes.arrayOf(FieldTypes.oneOf(field.values()), max(field, Field.ENUM_VALUES));
            case ITEMS -> FieldTypes.arrayOf(fields(itemType(component), ITEM_COMPONENTS).build(), max(field, Field.LINE_ITEMS));
        };
    }

    private static int max(Field field, int byDefault) {
        return field.max() > 0 ? field.max() : byDefault;
    }

    private static void describe(String prefix, Class<?> type, List<String> filled, Map<String, String> texts) {
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            if (filled.contains(component.getName()) || field == null) {
                continue;
            }
            String key = prefix + "." + component.getName();
            texts.put(key, field.zh());
            if (field.kind() == Kind.ITEMS) {
                describe(key + "[]", itemType(component), ITEM_COMPONENTS, texts);
            }
        }
    }

    /** The JSON names of the fields (items' fields included) that hold party ids, or of those that do not. */
    private static void collectNames(Class<?> type, boolean parties, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            if (field == null) {
                continue;
            }
            if (field.kind() == Kind.ITEMS) {
                collectNames(itemType(component), parties, names);
            } else if ((field.kind() == Kind.PARTY || field.kind() == Kind.PARTIES) == parties) {
                names.add(component.getName());
            }
        }
    }

    private static Map<String, Field> declared(Class<?> type, List<String> filled) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!filled.contains(component.getName()) && component.getAnnotation(Field.class) != null) {
                fields.put(component.getName(), component.getAnnotation(Field.class));
            }
        }
        return fields;
    }

    private static void checkFields(Class<?> type, List<String> filled, String where, List<String> problems) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (filled.contains(component.getName())) {
                continue;
            }
            Field field = component.getAnnotation(Field.class);
            String at = where + component.getName() + ": ";
            if (field == null) {
                problems.add(at + "a payload component without @Field");
                continue;
            }
            if (!fits(field, component)) {
                problems.add(at + "Java type " + component.getGenericType().getTypeName() + " does not fit " + field.kind());
            }
            boolean enumerated = field.kind() == Kind.ENUM || field.kind() == Kind.ENUMS;
            if (enumerated == (field.values().length == 0)) {
                problems.add(at + (enumerated ? "an enumeration without values" : "values on a kind that takes none"));
            }
            for (String value : field.values()) {
                if (!field.zh().contains(value + " ")) {
                    problems.add(at + "the description does not name the value " + value + " with its label");
                }
            }
            if (field.zh().isBlank()) {
                problems.add(at + "no description");
            }
            if (!field.personal().isEmpty() && !namesOwnMethod(type, field.personal())) {
                problems.add(at + "personal = \"" + field.personal() + "\" must start with " + type.getSimpleName()
                        + ".<a method of the record>(");
            }
            if (field.kind() == Kind.ITEMS && fits(field, component)) {
                Class<?> item = itemType(component);
                RecordComponent[] itemComponents = item.getRecordComponents();
                if (itemComponents == null || itemComponents.length < 2
                        || !itemComponents[0].getName().equals("recordId") || !itemComponents[1].getName().equals("index")) {
                    problems.add(at + item.getSimpleName() + " must be a record starting with recordId, index");
                } else {
                    checkFields(item, ITEM_COMPONENTS, where + item.getSimpleName() + ".", problems);
                }
            }
        }
    }

    /** {@code Bid.maskedContactPhone()}: the record's simple name, a dot and one of its public methods' names. */
    private static boolean namesOwnMethod(Class<?> type, String text) {
        String prefix = type.getSimpleName() + ".";
        int open = text.indexOf('(');
        if (!text.startsWith(prefix) || open < 0) {
            return false;
        }
        String method = text.substring(prefix.length(), open);
        return java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method));
    }

    private static boolean fits(Field field, RecordComponent component) {
        Class<?> raw = component.getType();
        return switch (field.kind()) {
            case CODE, PARTY, NAME, PROSE, STAGE, ENUM -> raw == String.class;
            case BOOLEAN -> raw == boolean.class && field.required() || raw == Boolean.class;
            case DATE -> raw == LocalDate.class;
            case TIMESTAMP -> raw == OffsetDateTime.class;
            case MONEY, SIGNED_MONEY, NUMBER -> raw == BigDecimal.class;
            case COUNT, YEAR, RANK -> raw == int.class && field.required() || raw == Integer.class;
            case PARTIES, ENUMS -> raw == List.class && elementType(component) == String.class;
            case ITEMS -> raw == List.class && elementType(component) instanceof Class<?> c && c.isRecord();
        };
    }

    private static boolean isList(Kind kind) {
        return kind == Kind.PARTIES || kind == Kind.ENUMS || kind == Kind.ITEMS;
    }

    static Class<?> itemType(RecordComponent component) {
        return (Class<?>) elementType(component);
    }

    /** The item type of a list accessor of {@link #itemLists(Class)}. */
    static Class<?> itemType(Method listAccessor) {
        return (Class<?>) ((ParameterizedType) listAccessor.getGenericReturnType()).getActualTypeArguments()[0];
    }

    private static java.lang.reflect.Type elementType(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }
}
