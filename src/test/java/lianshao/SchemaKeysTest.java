package lianshao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schema the migrations build, read from information_schema (on H2 and, in CI, on MariaDB), against what a
 * distributed MySQL-compatible database such as TiDB needs and against the table list of docs/scaling.md:
 * every table has a primary key; no table that grows with every record or warning takes its key from
 * AUTO_INCREMENT (on TiDB all inserts of such a key go to one region); the document lists exactly the tables and
 * keys the migrations create.
 */
class SchemaKeysTest extends ApiTestSupport {

    /**
     * Tables that may keep an AUTO_INCREMENT key, each with why. Empty: every key is application-generated
     * (support.Ids) or natural. A low-volume table (rule-set versions, settings) may be added with its reason; a
     * write-heavy one only as a known debt, commented "hot spot on TiDB: ..." with its migration path in
     * docs/scaling.md.
     */
    private static final Map<String, String> AUTO_INCREMENT_ALLOWED = Map.of();

    /** A row of the table in docs/scaling.md: | `table` | `key, columns` | id source | write-heavy | written when |. */
    private static final Pattern DOC_ROW = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|\\s*(yes|no)\\s*\\|.*$");

    @Autowired
    DataSource dataSource;

    private record Schema(Map<String, List<String>> primaryKeys, Set<String> tables, Set<String> autoIncrement) {
    }

    private Schema schema() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // H2 names the schema (public); MySQL and MariaDB call the database a catalog
            String name = c.getSchema() != null ? c.getSchema() : c.getCatalog();
            Set<String> tables = new TreeSet<>(jdbc.sql("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'""")
                    .param(name).query(String.class).list().stream().map(SchemaKeysTest::lower).toList());
            Map<String, List<String>> keys = new TreeMap<>();
            jdbc.sql("""
                    SELECT k.table_name, k.column_name FROM information_schema.table_constraints t
                    JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema
                        AND k.constraint_name = t.constraint_name AND k.table_name = t.table_name
                    WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = ?
                    ORDER BY k.table_name, k.ordinal_position""").param(name).query(rs -> {
                        keys.computeIfAbsent(lower(rs.getString(1)), t -> new ArrayList<>()).add(lower(rs.getString(2)));
                    });
            // MySQL and MariaDB mark an AUTO_INCREMENT column in EXTRA, H2 as an identity column
            Set<String> autoIncrement = new TreeSet<>();
            jdbc.sql("SELECT * FROM information_schema.columns WHERE table_schema = ?").param(name).query(rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String label = meta.getColumnLabel(i).toUpperCase(Locale.ROOT);
                    String value = rs.getString(i);
                    if (value != null && (label.equals("EXTRA") && value.toLowerCase(Locale.ROOT).contains("auto_increment")
                            || label.equals("IS_IDENTITY") && value.equalsIgnoreCase("YES"))) {
                        autoIncrement.add(lower(rs.getString("TABLE_NAME")));
                    }
                }
            });
            return new Schema(keys, tables, autoIncrement);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Table → key columns and table → write-heavy, from the table of docs/scaling.md. */
    private record DocTable(Map<String, List<String>> primaryKeys, Set<String> writeHeavy) {
    }

    private static DocTable docTable() throws Exception {
        Map<String, List<String>> keys = new TreeMap<>();
        Set<String> writeHeavy = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs/scaling.md"))) {
            Matcher m = DOC_ROW.matcher(line.strip());
            if (m.matches()) {
                List<String> previous = keys.put(m.group(1), List.of(m.group(2).split("\\s*,\\s*")));
                assertThat(previous).as("docs/scaling.md lists %s once", m.group(1)).isNull();
                if (m.group(3).equals("yes")) {
                    writeHeavy.add(m.group(1));
                }
            }
        }
        return new DocTable(keys, writeHeavy);
    }

    @Test
    void everyTableHasAPrimaryKey() throws Exception {
        Schema schema = schema();
        System.out.println("tables and their primary keys:\n" + schema.tables().stream()
                .map(t -> "  " + t + " (" + String.join(", ", schema.primaryKeys().getOrDefault(t, List.of())) + ")")
                .collect(Collectors.joining("\n")));
        assertThat(schema.tables()).as("the migrations create the tables").contains("record", "warning", "flyway_schema_history");
        assertThat(schema.tables().stream().filter(t -> !schema.primaryKeys().containsKey(t)).toList())
                .as("tables without a primary key").isEmpty();
    }

    @Test
    void noTableTakesItsKeyFromAutoIncrementUnlessAllowedWithItsReason() throws Exception {
        Schema schema = schema();
        Set<String> writeHeavy = docTable().writeHeavy();
        Map<String, Boolean> notAllowed = new LinkedHashMap<>();
        schema.autoIncrement().stream().filter(t -> !AUTO_INCREMENT_ALLOWED.containsKey(t))
                .forEach(t -> notAllowed.put(t, writeHeavy.contains(t)));
        assertThat(notAllowed).as("tables with an AUTO_INCREMENT column (true: written per record or warning, a hot spot on TiDB)")
                .isEmpty();
        assertThat(AUTO_INCREMENT_ALLOWED.keySet()).as("allowed AUTO_INCREMENT tables that no longer use it")
                .isSubsetOf(schema.autoIncrement());
    }

    @Test
    void docsScalingListsEveryTableWithItsPrimaryKey() throws Exception {
        Schema schema = schema();
        DocTable doc = docTable();
        List<String> differences = new ArrayList<>();
        for (String table : schema.tables()) {
            List<String> key = schema.primaryKeys().getOrDefault(table, List.of());
            if (!doc.primaryKeys().containsKey(table)) {
                differences.add(table + " (" + String.join(", ", key) + ") is not listed");
            } else if (!doc.primaryKeys().get(table).equals(key)) {
                differences.add(table + " has the key (" + String.join(", ", key) + "), listed as ("
                        + String.join(", ", doc.primaryKeys().get(table)) + ")");
            }
        }
        doc.primaryKeys().keySet().stream().filter(t -> !schema.tables().contains(t))
                .forEach(t -> differences.add(t + " is listed but not in the schema"));
        assertThat(differences).as("the table list of docs/scaling.md against the migrated schema").isEmpty();
        assertThat(doc.writeHeavy()).as("the write-heavy tables of docs/scaling.md").contains("record", "record_key", "warning");
    }
}
