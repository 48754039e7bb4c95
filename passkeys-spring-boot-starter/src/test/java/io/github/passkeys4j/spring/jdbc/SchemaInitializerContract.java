package io.github.passkeys4j.spring.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.github.passkeys4j.spring.jdbc.JdbcStorageTestSupport.T0;
import static io.github.passkeys4j.testing.PasskeyRepositoryContract.passkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every database must do for {@link PasskeysJdbcSchemaInitializer} and the schema file it runs. */
interface SchemaInitializerContract {

    /** Every table of the schema, in the order they can be dropped. */
    List<String> TABLES = PasskeysTables.ALL;

    DataSource dataSource();

    JdbcTemplate jdbc();

    JdbcPasskeyRepository passkeys();

    /** The platform name of this database's schema file. */
    String platform();

    /** Whether Spring Boot counts this database as embedded (so EMBEDDED mode initializes it). */
    boolean embedded();

    @Test
    default void runningTheSchemaAgainIsHarmlessAndKeepsTheData() {
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", T0));

        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                        .initializeDatabase())
                .isTrue();
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS, platform())
                        .initializeDatabase())
                .isTrue();

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(passkey("Y3JlZC0x", "dXNlci0x", T0));
    }

    @Test
    default void modeDecidesWhetherTheScriptsRun() {
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.NEVER)
                        .initializeDatabase())
                .isFalse();
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.EMBEDDED)
                        .initializeDatabase())
                .isEqualTo(embedded());
    }

    @Test
    default void aPlatformWithoutSchemaFileIsAClearError() {
        assertThatThrownBy(() ->
                        new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS, "oracle"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema-oracle.sql")
                .hasMessageContaining("never");
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.NEVER, "oracle")
                        .initializeDatabase())
                .isFalse();
    }

    /** Whether the database keeps a primary key's name (MariaDB calls every one {@code PRIMARY}). */
    default boolean namesPrimaryKeys() {
        return true;
    }

    @Test
    default void tablesHaveNamedConstraints() {
        List<String> constraints = jdbc()
                .queryForList(
                        "SELECT constraint_name"
                                + " FROM information_schema.table_constraints WHERE LOWER(table_name) LIKE 'passkeys%'"
                                + " AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')",
                        String.class)
                .stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();

        if (!namesPrimaryKeys()) {
            assertThat(constraints).containsOnly("primary", "passkeys_user_account_id_uk");
            assertThat(constraints).filteredOn("primary"::equals).hasSize(8);
            return;
        }
        assertThat(constraints)
                .containsExactlyInAnyOrder(
                        "passkeys_credential_pk",
                        "passkeys_user_pk",
                        "passkeys_user_account_id_uk",
                        "passkeys_pending_ceremony_pk",
                        "passkeys_schema_version_pk",
                        "passkeys_spent_challenge_pk",
                        "passkeys_challenge_key_pk",
                        "passkeys_recovery_code_pk",
                        "passkeys_recovery_attempt_pk");
    }

    @Test
    default void theSchemaRecordsItsVersion() {
        assertThat(jdbc().queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    default void everyLookupColumnIsIndexed() throws SQLException {
        assertThat(indexedColumns("passkeys_credential")).contains("credential_id", "user_handle");
        assertThat(indexedColumns("passkeys_user")).contains("user_handle", "username");
        assertThat(indexedColumns("passkeys_pending_ceremony")).contains("challenge", "expires_at");
        assertThat(indexedColumns("passkeys_spent_challenge")).contains("challenge_id", "expires_at");
    }

    /** The first column of every index on the table. */
    default List<String> indexedColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
                while (indexes.next()) {
                    if (indexes.getShort("ORDINAL_POSITION") == 1) {
                        columns.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
