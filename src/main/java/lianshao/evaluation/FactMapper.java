package lianshao.evaluation;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import lianshao.contract.Domain;
import lianshao.facts.RecordFact;

/**
 * Maps a validated payload onto its fact type by name: each record component of the fact takes the
 * payload field of the same name. Absent lists become empty lists, so rules never meet a null list.
 * Items of object arrays ({@code bids}, {@code fees}...) get the record id and their index.
 */
@org.springframework.stereotype.Component
public final class FactMapper {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();
    /** Class.getRecordComponents() builds new objects and parses generic signatures on every call. */
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, Class::getRecordComponents);
    }

    public RecordFact toFact(RecordMeta meta, JsonNode payload, boolean current) {
        Class<? extends RecordFact> type = Domain.valueOf(meta.domain()).factType();
        RecordComponent[] components = components(type);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = switch (c.getName()) {
                case "recordId" -> meta.recordId();
                case "externalId" -> meta.externalId();
                case "source" -> meta.source();
                case "orgCode" -> meta.orgCode();
                case "occurredAt" -> meta.occurredAt();
                case "occurredOn" -> meta.occurredAt().toLocalDate();
                case "current" -> current;
                default -> convert(payload.get(c.getName()), c.getType(), c.getGenericType(), meta.recordId(), 0);
            };
        }
        return type.cast(construct(type, args));
    }

    private Object convert(JsonNode node, Class<?> type, Type genericType, String recordId, int index) {
        boolean absent = node == null || node.isNull() || node.isMissingNode();
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) genericType).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            if (!absent) {
                int i = 0;
                for (JsonNode item : node) {
                    items.add(element == String.class ? item.asString() : item(item, element, recordId, i));
                    i++;
                }
            }
            return List.copyOf(items);
        }
        if (absent) {
            if (type == int.class) {
                return 0;
            }
            return type == boolean.class ? Boolean.FALSE : null;
        }
        if (type == String.class) {
            return node.asString();
        }
        if (type == BigDecimal.class) {
            return node.isString() ? new BigDecimal(node.asString()) : node.decimalValue();
        }
        if (type == int.class || type == Integer.class) {
            return node.asInt();
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.asBoolean();
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(node.asString());
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(node.asString());
        }
        throw new IllegalStateException("fact field of unsupported type " + type);
    }

    private Object item(JsonNode node, Class<?> type, String recordId, int index) {
        RecordComponent[] components = components(type);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = switch (c.getName()) {
                case "recordId" -> recordId;
                case "index" -> index;
                default -> convert(node.get(c.getName()), c.getType(), c.getGenericType(), recordId, index);
            };
        }
        return construct(type, args);
    }

    private static Object construct(Class<?> type, Object[] args) {
        Constructor<?> constructor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] types = java.util.Arrays.stream(components(t)).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                return t.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
