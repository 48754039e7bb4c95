package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.dbnodes.NodeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code passkeys.jdbc.initialize-schema=never} and no tables, the app does not start, and Boot's report says
 * which tables are missing and how to create them; with {@code always} the same database starts with the schema
 * version recorded.
 */
class MissingTablesStartupTest {

    @Test
    void missingTablesFailTheStartWithAPlainReport() {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:mem:missing-tables;DB_CLOSE_DELAY=-1",
                "passkeys.jdbc.initialize-schema", "never");

        assertThatThrownBy(() -> NodeApplication.start(properties))
                .hasRootCauseInstanceOf(MissingPasskeysTablesException.class)
                .satisfies(failure -> {
                    MissingPasskeysTablesException cause = (MissingPasskeysTablesException) rootCause(failure);
                    assertThat(cause.tables())
                            .containsExactly(
                                    "passkeys_credential",
                                    "passkeys_user",
                                    "passkeys_pending_ceremony",
                                    "passkeys_spent_challenge",
                                    "passkeys_challenge_key",
                                    "passkeys_recovery_code",
                                    "passkeys_recovery_attempt");
                    FailureAnalysis analysis = new MissingPasskeysTablesFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("passkeys_credential", "passkeys_user");
                    assertThat(analysis.getAction())
                            .contains("passkeys.jdbc.initialize-schema=always", "schema-h2.sql", "migration/h2/");
                });
    }

    @Test
    void aDatabaseAtVersionFourFailsTheStartNamingTheLaterColumnAndTable() {
        String url = "jdbc:h2:mem:version-four;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource version4 = new DriverManagerDataSource(url, "sa", "");
        for (String file : List.of(
                "V1__passkeys_tables.sql",
                "V2__passkeys_schema_version.sql",
                "V3__passkeys_sealed_challenges.sql",
                "V4__passkeys_recovery_codes.sql")) {
            new ResourceDatabasePopulator(new DefaultResourceLoader()
                            .getResource("classpath:io/github/passkeys4j/spring/jdbc/migration/h2/" + file))
                    .execute(version4);
        }
        Map<String, Object> properties =
                Map.of("spring.datasource.url", url, "passkeys.jdbc.initialize-schema", "never");

        assertThatThrownBy(() -> NodeApplication.start(properties))
                .hasRootCauseInstanceOf(MissingPasskeysTablesException.class)
                .satisfies(failure -> assertThat(((MissingPasskeysTablesException) rootCause(failure)).tables())
                        .containsExactly("passkeys_spent_challenge", "passkeys_credential.attestation_trusted"));
    }

    @Test
    void alwaysCreatesTheTablesAndRecordsTheVersion() {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:mem:always-tables;DB_CLOSE_DELAY=-1",
                "passkeys.jdbc.initialize-schema", "always");

        try (ConfigurableApplicationContext node = NodeApplication.start(properties)) {
            JdbcTemplate jdbc = new JdbcTemplate(node.getBean(DataSource.class));
            assertThat(jdbc.queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                    .containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
