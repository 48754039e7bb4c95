package io.github.passkeys4j.demo.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real PostgreSQL the nodes share ({@code eval "$(scripts/postgres.sh)"} sets {@code PASSKEYS_TEST_POSTGRES_URL};
 * without it the tests fail, never skip), read directly by the tests.
 */
final class NodeDatabase {

    private NodeDatabase() {}

    static String url() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail("The multi-node tests need PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root"
                    + " (it sets PASSKEYS_TEST_POSTGRES_URL), or ./scripts/test.sh.");
        }
        return url;
    }

    /** The nodes' database settings (user and password "passkeys", as scripts/postgres.sh makes them). */
    static List<String> arguments() {
        return List.of(
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=passkeys",
                "--spring.datasource.password=passkeys");
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "passkeys", "passkeys");
    }

    /** Row count of every passkeys_* table. */
    static Map<String, Long> passkeysRows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = connect();
                ResultSet tables = db.createStatement()
                        .executeQuery("SELECT table_name FROM information_schema.tables"
                                + " WHERE table_schema = current_schema() AND table_name LIKE 'passkeys\\_%'")) {
            while (tables.next()) {
                rows.put(tables.getString(1), 0L);
            }
            for (String table : rows.keySet()) {
                try (ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    static long count(String sql) throws SQLException {
        try (Connection db = connect();
                ResultSet count = db.createStatement().executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }
}
