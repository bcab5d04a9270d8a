package lianshao.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * The one form of {@code declare} a rule file may use: a new fact type with plain fields, to hold what
 * a derivation rule concludes. A declared type is a class Drools generates at build time, so anything
 * beyond fields is code or changes how the engine treats facts, and is refused: annotations
 * ({@code @role}, {@code @expires}, {@code @position}...; only a plain {@code @key} on a field, which makes
 * facts equal in their key fields one fact for {@code insertLogical}), {@code extends} of anything but
 * one type declared in the same package, traits, default values (an
 * expression run when the fact is created), a name that is already a type (a declare of an existing
 * class adds metadata to that class), and fields of any type but a value type
 * ({@link #VALUE_TYPES}), a type of the fact model ({@link AllowedMembers#isFactModel}) or a
 * {@code List} of one of those.
 */
final class DeclareCheck {

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "int", int.class, "long", long.class);
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, boolean.class, Boolean.class, int.class, Integer.class,
            long.class, Long.class, BigDecimal.class, LocalDate.class, OffsetDateTime.class);
    /** Marks a field as part of the fact's identity: facts equal in every key field are equal (no code, no engine setting). */
    private static final String KEY = "key";
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    private static final Pattern LIST = Pattern.compile("((?:java\\.util\\.)?List)<(.+)>");
    private static final String ALLOWED_ZH = "String、boolean、Boolean、int、Integer、long、Long、BigDecimal、LocalDate、OffsetDateTime、"
            + "lianshao.facts 的事实类型，或它们的 List（如 List<String>）";
    private static final String ALLOWED_EN = "String, boolean, Boolean, int, Integer, long, Long, BigDecimal, LocalDate, "
            + "OffsetDateTime, a fact type of lianshao.facts, or a List of one of them (such as List<String>)";

    private final String file;
    private final PackageDescr pkg;
    private final Function<String, Class<?>> resolve;
    private final List<RuleProblem> problems;

    /** {@code resolve} names a class as the file's imports do (null when it names none a rule may use). */
    DeclareCheck(String file, PackageDescr pkg, Function<String, Class<?>> resolve, List<RuleProblem> problems) {
        this.file = file;
        this.pkg = pkg;
        this.resolve = resolve;
        this.problems = problems;
    }

    /** Checks every declare of the file; adds those accepted to {@code accepted}, keyed by qualified name. */
    void check(Map<String, DeclaredType> accepted) {
        for (TypeDeclarationDescr declare : pkg.getTypeDeclarations()) {
            DeclaredType type = declaredType(declare);
            if (type == null) {
                continue;
            }
            DeclaredType earlier = accepted.putIfAbsent(type.qualifiedName(), type);
            if (earlier != null) {
                add(declare, "类型 " + type.name() + " 已在 " + earlier.file() + ":" + earlier.line() + " 声明 / the type " + type.name()
                        + " is already declared at " + earlier.file() + ":" + earlier.line());
            }
        }
    }

    private DeclaredType declaredType(TypeDeclarationDescr declare) {
        int before = problems.size();
        String name = declare.getTypeName();
        String what = "declare " + name + "：";
        String full = declare.getFullTypeName();
        if (name == null || !NAME.matcher(name).matches() || !(name.equals(full) || (pkg.getName() + "." + name).equals(full))) {
            add(declare, "declare " + full + "：声明的类型名须为大写字母开头的简单名称 / a declared type's name must be a simple name "
                    + "starting with a capital letter: " + full);
            return null;
        }
        if (existingType(name)) {
            add(declare, what + "已有同名的类型（lianshao.facts、java.lang 或导入的类型）；declare 已有的类型会改变该类型 / " + name
                    + " is the name of an existing type (of lianshao.facts, java.lang or an import); a declare of an existing type "
                    + "changes that type");
        }
        if (declare.isTrait()) {
            add(declare, what + "不允许 declare trait / traits are not allowed");
        }
        annotations(declare, declare, what, false);
        String parent = null;
        for (var superType : declare.getSuperTypes()) {
            String superName = superType.getFullName();
            boolean ownPackage = !superName.contains(".") || superName.startsWith(pkg.getName() + ".")
                    && !superName.substring(pkg.getName().length() + 1).contains(".");
            if (parent != null || !ownPackage) {
                add(declare, what + "只能 extends 一个本包 declare 的类型，不能 extends " + superName + " / a declared type may extend "
                        + "one type declared in its package only, not " + superName);
            } else {
                parent = pkg.getName() + "." + superName.substring(superName.lastIndexOf('.') + 1);
            }
        }
        List<DeclaredType.Field> fields = new ArrayList<>();
        for (TypeFieldDescr field : declare.getFields().values()) {
            DeclaredType.Field checked = field(declare, field, what);
            if (checked != null) {
                fields.add(checked);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new DeclaredType(pkg.getName(), name, parent, fields, file, Math.max(declare.getLine(), 0));
    }

    /**
     * Gives each declared type that extends another the fields of that one first (as the generated
     * constructor takes them); a type whose parent is not a declared type of its package, is refused,
     * or extends it in a circle, is refused and left out.
     */
    static void inherit(Map<String, DeclaredType> declared, List<RuleProblem> problems) {
        Map<String, DeclaredType> resolved = new java.util.LinkedHashMap<>();
        for (DeclaredType type : List.copyOf(declared.values())) {
            resolve(type, declared, resolved, new java.util.HashSet<>(), problems);
        }
        declared.clear();
        resolved.forEach((name, type) -> {
            if (type != null) {
                declared.put(name, type);
            }
        });
    }

    /** The type with its inherited fields, or null when it is refused (then {@code resolved} maps it to null). */
    private static DeclaredType resolve(DeclaredType type, Map<String, DeclaredType> declared, Map<String, DeclaredType> resolved,
            Set<String> visiting, List<RuleProblem> problems) {
        String name = type.qualifiedName();
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        DeclaredType result = type;
        if (type.parent() != null) {
            DeclaredType parent = declared.get(type.parent());
            DeclaredType parentResolved = parent == null || !visiting.add(name) ? null
                    : resolve(parent, declared, resolved, visiting, problems);
            if (resolved.containsKey(name)) {
                return resolved.get(name); // settled while resolving a circle
            }
            String parentName = type.parent().substring(type.parent().lastIndexOf('.') + 1);
            if (parentResolved == null) {
                problems.add(new RuleProblem(type.file(), type.line(), 0, "declare " + type.name() + "：只能 extends 本包 declare 的（未被拒绝、"
                        + "不成环的）类型，" + parentName + " 不是 / a declared type may extend a type declared in its package only (not "
                        + "refused, not in a circle); " + parentName + " is none"));
                result = null;
            } else {
                List<String> own = type.fields().stream().map(DeclaredType.Field::name).toList();
                List<String> again = parentResolved.fields().stream().map(DeclaredType.Field::name).filter(own::contains).toList();
                if (!again.isEmpty()) {
                    problems.add(new RuleProblem(type.file(), type.line(), 0, "declare " + type.name() + "：字段 " + again + " 已在 "
                            + parentName + " 中声明 / the fields " + again + " are declared in " + parentName + " already"));
                    result = null;
                } else {
                    result = type.inheriting(parentResolved.fields());
                }
            }
        }
        resolved.put(name, result);
        return result;
    }

    private DeclaredType.Field field(TypeDeclarationDescr declare, TypeFieldDescr field, String what) {
        BaseDescr at = field.getLine() > 0 ? field : declare;
        String name = field.getFieldName();
        annotations(at, field, what + "字段 " + name + "：", true);
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            add(at, what + "字段名须为小写字母开头的简单名称：" + name + " / a field's name must be a simple name starting with a "
                    + "lower-case letter: " + name);
            return null;
        }
        if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
            add(at, what + "字段 " + name + " 不能有默认值（默认值是创建事实时运行的代码） / field " + name + " may not have a default "
                    + "value (it is code run when the fact is created)");
        }
        String typeText = field.getPattern() == null ? "" : field.getPattern().getObjectType();
        StaticType type = fieldType(typeText == null ? "" : typeText.replaceAll("\\s+", ""));
        if (type == null) {
            add(at, what + "字段 " + name + " 的类型 " + typeText + " 不允许；只能是 " + ALLOWED_ZH + " / the type " + typeText
                    + " of field " + name + " is not allowed; a field holds " + ALLOWED_EN);
            return null;
        }
        return new DeclaredType.Field(name, type);
    }

    /** The static type of an allowed field type, or null. */
    private StaticType fieldType(String text) {
        Matcher list = LIST.matcher(text);
        if (list.matches()) {
            Class<?> listType = resolve.apply(list.group(1));
            StaticType element = elementType(list.group(2));
            return listType == List.class && element != null ? StaticType.of(List.class, element) : null;
        }
        if (PRIMITIVES.containsKey(text)) {
            return StaticType.of(PRIMITIVES.get(text));
        }
        Class<?> type = named(text);
        return type != null && (VALUE_TYPES.contains(type) || AllowedMembers.isFactModel(type)) ? StaticType.of(type) : null;
    }

    /** A list's element: a boxed value type or a fact type. */
    private StaticType elementType(String text) {
        Class<?> type = named(text);
        return type != null && !type.isPrimitive() && (VALUE_TYPES.contains(type) || AllowedMembers.isFactModel(type))
                ? StaticType.of(type) : null;
    }

    /** The class a field's type names: a value type by its qualified name, or what the file's imports say. */
    private Class<?> named(String text) {
        return VALUE_TYPES.stream().filter(c -> c.getName().equals(text)).findFirst().orElseGet(() -> resolve.apply(text));
    }

    /** Annotations are refused, but for a plain {@code @key} on a field when {@code field}. */
    private void annotations(BaseDescr at, org.drools.drl.ast.descr.AnnotatedBaseDescr annotated, String what, boolean field) {
        for (AnnotationDescr annotation : annotated.getAnnotations()) {
            if (field && KEY.equals(annotation.getName()) && !annotation.hasValue() && annotation.getValueMap().isEmpty()) {
                continue;
            }
            add(annotation.getLine() > 0 ? annotation : at, what + "不允许注解 @" + annotation.getName() + "（declare 只能列出字段，字段可标 @key） / "
                    + "annotations are not allowed in a declare: @" + annotation.getName() + " (a declare lists fields only; a field may be marked @key)");
        }
    }

    /** Whether the name already stands for a class: a declare of it would change that class, not make a new one. */
    private boolean existingType(String name) {
        return resolve.apply(name) != null || exists("lianshao.facts." + name) || exists("java.lang." + name)
                || exists(pkg.getName() + "." + name);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, DeclareCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private void add(BaseDescr descr, String message) {
        problems.add(new RuleProblem(file, Math.max(descr.getLine(), 0), Math.max(descr.getColumn() + 1, 0), message));
    }
}
