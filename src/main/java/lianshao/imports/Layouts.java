package lianshao.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Map<ImportKind, Layout> LAYOUTS = new EnumMap<>(ImportKind.class);
    private static final Map<ImportKind, String> TITLES = Map.of(ImportKind.ADMISSION, "招生", ImportKind.RECRUITMENT, "招聘",
            ImportKind.TENDER, "招标", ImportKind.PROCUREMENT, "采购", ImportKind.RESEARCH_FUND, "科研经费",
            ImportKind.PARTIES, "当事人", ImportKind.RELATIONS, "关系");
    private static final Pattern ENUM_LABEL = Pattern.compile("([A-Z][A-Z0-9_]*) ([^、，。；：,;:\\s（(]+)");
    private static final Pattern PARENTHESES = Pattern.compile("（[^）]*）|\\([^)]*\\)");
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
        return TITLES.get(kind);
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
        return new Layout(kind, TITLES.get(kind) + "台账", unique(columns), sheets);
    }

    private static ItemSheet itemSheet(FieldDescription list) {
        List<Column> columns = new ArrayList<>();
        for (FieldDescription item : list.itemFields()) {
            columns.add(column(item, item.name()));
        }
        String header = shortHeader(list);
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
        return new Column(field.name(), path, shortHeader(field), field.description(), field.value(), field.required(),
                options(field));
    }

    /** Chinese labels of enumeration values, read from the description ("INQUIRY 询价、…"); the code alone otherwise. */
    static List<Column.EnumOption> options(FieldDescription field) {
        List<String> values = field.enumValues();
        if (values.isEmpty()) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (field.description() != null) {
            Matcher m = ENUM_LABEL.matcher(field.description());
            while (m.find()) {
                if (values.contains(m.group(1))) {
                    labels.putIfAbsent(m.group(1), m.group(2));
                }
            }
        }
        return values.stream().map(v -> new Column.EnumOption(v, labels.get(v))).toList();
    }

    /**
     * The first phrase of the description without parentheses: "采购方式：OPEN_TENDER 公开招标…" gives 采购方式,
     * "记录所属单位（学校、教育局等）的机构代码。" gives 记录所属单位的机构代码. The field name if there is none.
     */
    static String shortHeader(FieldDescription field) {
        if (field.description() == null || field.description().isBlank()) {
            return field.name();
        }
        String text = PARENTHESES.matcher(field.description()).replaceAll("");
        int end = text.length();
        for (char stop : new char[] {'：', ':', '，', ',', '。', '；', ';'}) {
            int at = text.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String header = text.substring(0, end).strip();
        return header.isEmpty() ? field.name() : header;
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
