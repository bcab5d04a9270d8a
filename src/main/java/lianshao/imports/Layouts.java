package lianshao.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lianshao.contract.ContractSchemas;
import lianshao.contract.FieldDescription;
import lianshao.contract.ValueKind;

/**
 * The template layout of every import kind, derived once from {@link ContractSchemas}: the contract's fields in
 * contract order, their Chinese descriptions and their enumerations. Nothing here lists fields by hand.
 */
public final class Layouts {

    /** Envelope fields the file carries; {@code domain} comes from the kind and {@code source} from the uploader. */
    static final List<String> ENVELOPE_FIELDS = List.of("externalId", "orgCode", "occurredAt");

    private static final Map<ImportKind, Layout> LAYOUTS = new HashMap<>();
    private static final int MAX_SHEET_NAME = 31;

    static {
        for (ImportKind kind : ImportKind.values()) {
            LAYOUTS.put(kind, build(kind));
        }
    }

    private Layouts() {
    }

    public static Layout of(ImportKind kind) {
        return LAYOUTS.get(kind);
    }

    /** The Chinese name of a kind: 采购, 当事人… */
    public static String title(ImportKind kind) {
        return kind.zh();
    }

    private static Layout build(ImportKind kind) {
        List<Column> columns = new ArrayList<>();
        List<ItemSheet> sheets = new ArrayList<>();
        if (kind.records()) {
            for (String name : ENVELOPE_FIELDS) {
                FieldDescription field = ContractSchemas.envelope().stream().filter(f -> f.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("envelope has no field " + name));
                columns.add(column(field, name));
            }
            for (FieldDescription field : ContractSchemas.payload(kind.domain())) {
                if (field.kind() == ValueKind.ARRAY && !field.itemFields().isEmpty()) {
                    sheets.add(itemSheet(field));
                } else {
                    columns.add(column(field, "payload." + field.name()));
                }
            }
        } else {
            for (FieldDescription field : ContractSchemas.identifiers(kind.reference())) {
                columns.add(column(field, field.name()));
            }
            for (FieldDescription field : ContractSchemas.reference(kind.reference())) {
                if (field.kind() == ValueKind.ARRAY && !field.itemFields().isEmpty()) {
                    throw new IllegalStateException("no item sheets for reference data: " + field.key());
                }
                columns.add(column(field, field.name()));
            }
        }
        return new Layout(kind, kind.zh() + "台账", unique(columns), sheets);
    }

    private static ItemSheet itemSheet(FieldDescription list) {
        List<Column> columns = new ArrayList<>();
        for (FieldDescription item : list.itemFields()) {
            columns.add(column(item, item.name()));
        }
        String header = list.label();
        String sheetName = header + "-" + list.name();
        if (sheetName.length() > MAX_SHEET_NAME) {
            sheetName = list.name().length() <= MAX_SHEET_NAME ? list.name() : list.name().substring(0, MAX_SHEET_NAME);
        }
        return new ItemSheet(list.name(), "payload." + list.name(), sheetName, header, list.description(), list.required(),
                unique(columns));
    }

    /** The key column of an item sheet. */
    static Column keyColumn() {
        FieldDescription field = ContractSchemas.envelope().stream().filter(f -> f.name().equals(Layout.KEY_FIELD))
                .findFirst().orElseThrow();
        return new Column(Layout.KEY_FIELD, Layout.KEY_FIELD, "所属记录编号",
                "该行所属记录的编号，即主表中该记录的 externalId 列。", field.value(), true, List.of());
    }

    private static Column column(FieldDescription field, String path) {
        return new Column(field.name(), path, field.label(), field.description(), field.value(), field.required(),
                options(field));
    }

    /** The allowed values of an enumeration with their Chinese labels from the contract; the code alone otherwise. */
    static List<Column.EnumOption> options(FieldDescription field) {
        Map<String, String> labels = field.valueLabels();
        return field.enumValues().stream().map(v -> new Column.EnumOption(v, labels.get(v))).toList();
    }

    /** Headers must identify their column: on a clash, both get their field name appended. */
    private static List<Column> unique(List<Column> columns) {
        Set<String> seen = new HashSet<>();
        Set<String> clashes = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.header())) {
                clashes.add(c.header());
            }
        }
        if (clashes.isEmpty()) {
            return columns;
        }
        return columns.stream().map(c -> clashes.contains(c.header())
                ? new Column(c.field(), c.path(), c.header() + "(" + c.field() + ")", c.description(), c.value(), c.required(),
                        c.options())
                : c).toList();
    }
}
