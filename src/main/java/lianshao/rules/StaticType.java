package lianshao.rules;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The static type of a value in a rule, as the safety check sees it: a class and, for collections
 * and maps, its type arguments ({@code List<Bid>}). Type arguments come from the generic signatures
 * of the fact model, so {@code $t.bids().get(0)} is known to be a {@link lianshao.facts.Bid}. A type
 * declared in DRL has no class before the build: it is {@code declared}, with {@code Object} as raw type.
 */
record StaticType(Class<?> raw, List<StaticType> arguments, DeclaredType declared) {

    /** The type of the literal {@code null}: assignable to any reference type. */
    static final StaticType NULL = new StaticType(Void.class, List.of());
    static final StaticType OBJECT = of(Object.class);
    static final StaticType STRING = of(String.class);
    static final StaticType BOOLEAN = of(Boolean.class);
    static final StaticType INTEGER = of(Integer.class);
    static final StaticType LONG = of(Long.class);
    static final StaticType DOUBLE = of(Double.class);
    static final StaticType DECIMAL = of(BigDecimal.class);

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, short.class, Short.class,
            byte.class, Byte.class, char.class, Character.class, void.class, Void.class);

    StaticType {
        arguments = List.copyOf(arguments);
    }

    StaticType(Class<?> raw, List<StaticType> arguments) {
        this(raw, arguments, null);
    }

    /** A type declared in DRL. */
    static StaticType of(DeclaredType declared) {
        return new StaticType(Object.class, List.of(), declared);
    }

    boolean isDeclared() {
        return declared != null;
    }

    static StaticType of(Class<?> raw) {
        return new StaticType(raw, List.of());
    }

    static StaticType of(Class<?> raw, StaticType... arguments) {
        return new StaticType(raw, List.of(arguments));
    }

    /** Primitive types as their boxes: methods are looked up on the box. */
    StaticType boxed() {
        Class<?> box = BOXES.get(raw);
        return box == null ? this : of(box);
    }

    boolean isNull() {
        return raw == Void.class;
    }

    boolean isCollection() {
        return Collection.class.isAssignableFrom(raw);
    }

    /** The element type of a collection, {@code Object} when unknown. */
    StaticType elementType() {
        if (!isCollection()) {
            return OBJECT;
        }
        Map<TypeVariable<?>, StaticType> bindings = bindings();
        return resolve(Collection.class.getTypeParameters()[0], bindings);
    }

    /** The return type of a method called on a value of this type, type variables resolved. */
    StaticType returnType(Method method) {
        return resolve(method.getGenericReturnType(), bindings());
    }

    /** Whether a value of {@code value}'s type can be passed where this type is expected (boxing, widening, null). */
    boolean accepts(StaticType value) {
        if (declared != null || value.declared != null && raw != Object.class) {
            return value.isNull() || java.util.Objects.equals(declared, value.declared);
        }
        Class<?> target = boxed().raw;
        Class<?> source = value.boxed().raw;
        if (value.isNull()) {
            return !raw.isPrimitive();
        }
        if (target.isAssignableFrom(source)) {
            return true;
        }
        List<Class<?>> widening = List.of(Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class);
        int from = widening.indexOf(source);
        int to = widening.indexOf(target);
        return from >= 0 && to >= 0 && from <= to;
    }

    /** Type variables of this type and of every supertype, bound to what this type says about them. */
    private Map<TypeVariable<?>, StaticType> bindings() {
        return BINDINGS.computeIfAbsent(this, StaticType::computeBindings);
    }

    private static final Map<StaticType, Map<TypeVariable<?>, StaticType>> BINDINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<TypeVariable<?>, StaticType> computeBindings() {
        Map<TypeVariable<?>, StaticType> bindings = new HashMap<>();
        TypeVariable<?>[] own = raw.getTypeParameters();
        for (int i = 0; i < own.length; i++) {
            bindings.put(own[i], i < arguments.size() ? arguments.get(i) : OBJECT);
        }
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(raw));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            List<Type> supers = new java.util.ArrayList<>(List.of(type.getGenericInterfaces()));
            if (type.getGenericSuperclass() != null) {
                supers.add(type.getGenericSuperclass());
            }
            for (Type s : supers) {
                Class<?> superRaw = erasure(s);
                if (s instanceof ParameterizedType p) {
                    TypeVariable<?>[] vars = superRaw.getTypeParameters();
                    Type[] actual = p.getActualTypeArguments();
                    for (int i = 0; i < vars.length && i < actual.length; i++) {
                        bindings.putIfAbsent(vars[i], resolve(actual[i], bindings));
                    }
                }
                pending.push(superRaw);
            }
        }
        return bindings;
    }

    private static StaticType resolve(Type type, Map<TypeVariable<?>, StaticType> bindings) {
        if (type instanceof Class<?> c) {
            return of(c);
        }
        if (type instanceof ParameterizedType p) {
            return new StaticType(erasure(p), java.util.Arrays.stream(p.getActualTypeArguments())
                    .map(a -> resolve(a, bindings)).toList());
        }
        if (type instanceof TypeVariable<?> v) {
            StaticType bound = bindings.get(v);
            return bound != null ? bound : of(erasure(v));
        }
        if (type instanceof WildcardType w) {
            return resolve(w.getUpperBounds()[0], bindings);
        }
        return of(erasure(type));
    }

    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof TypeVariable<?> v) {
            return erasure(v.getBounds()[0]);
        }
        if (type instanceof WildcardType w) {
            return erasure(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(erasure(a.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    @Override
    public String toString() {
        if (isNull()) {
            return "null";
        }
        if (declared != null) {
            return declared.name();
        }
        return raw.getSimpleName() + (arguments.isEmpty() ? ""
                : arguments.stream().map(StaticType::toString).collect(Collectors.joining(", ", "<", ">")));
    }
}
