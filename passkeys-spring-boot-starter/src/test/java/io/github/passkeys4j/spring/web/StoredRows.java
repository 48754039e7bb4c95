package io.github.passkeys4j.spring.web;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every row of every {@code passkeys_*} table that holds accounts and passkeys, as text, to compare before and after a
 * try. Ceremony bookkeeping (tables named for ceremonies or challenges) is left out: using up a challenge is what a
 * refused finish is meant to do.
 */
record StoredRows(Map<String, List<String>> tables) {

    /** The rows of {@code username}'s account and passkeys (other accounts may be busy with other tries). */
    static StoredRows of(JdbcTemplate jdbc, String username) {
        StoredRows all = of(jdbc);
        List<String> handles = all.tables.getOrDefault("passkeys_user", List.of()).stream()
                .filter(row -> row.matches(".*[{ ]username=" + Pattern.quote(username) + "[,}].*"))
                .map(row -> row.replaceAll(".*user_handle=([^,}]*).*", "$1"))
                .toList();
        Map<String, List<String>> mine = new TreeMap<>();
        all.tables.forEach((table, rows) -> mine.put(
                table,
                rows.stream()
                        .filter(row -> row.matches(".*[{ ]username=" + Pattern.quote(username) + "[,}].*")
                                || handles.stream().anyMatch(h -> row.contains("user_handle=" + h + ",")))
                        .toList()));
        return new StoredRows(mine);
    }

    static StoredRows of(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        // The schema the app's tables are in; MariaDB has none but its database (the JDBC catalog).
        String current = jdbc.execute(
                        (ConnectionCallback<String>) c -> c.getSchema() != null ? c.getSchema() : c.getCatalog())
                .toLowerCase(Locale.ROOT);
        for (Map<String, Object> found :
                jdbc.queryForList("SELECT table_schema, table_name FROM information_schema.tables")) {
            String table = String.valueOf(found.get("table_name"));
            String schema = String.valueOf(found.get("table_schema")).toLowerCase(Locale.ROOT);
            if (!schema.equals(current) || !table.toLowerCase(Locale.ROOT).startsWith("passkeys_")) {
                continue;
            }
            String name = table.toLowerCase(Locale.ROOT);
            if (name.contains("ceremony") || name.contains("challenge")) {
                continue;
            }
            tables.put(
                    name,
                    jdbc.queryForList("SELECT * FROM " + table).stream()
                            .map(StoredRows::row)
                            .sorted()
                            .toList());
        }
        if (!tables.containsKey("passkeys_credential")) {
            throw new IllegalStateException("no passkeys_credential table found: " + tables.keySet() + " in "
                    + jdbc.queryForList("SELECT table_schema, table_name FROM information_schema.tables"));
        }
        return new StoredRows(tables);
    }

    int count(String table) {
        return tables.getOrDefault(table, List.of()).size();
    }

    private static String row(Map<String, Object> row) {
        return new TreeMap<>(row)
                .entrySet().stream()
                        .map(e -> e.getKey().toLowerCase(Locale.ROOT) + "="
                                + (e.getValue() instanceof byte[] bytes
                                        ? HexFormat.of().formatHex(bytes)
                                        : String.valueOf(e.getValue())))
                        .collect(Collectors.joining(", ", "{", "}"));
    }
}
