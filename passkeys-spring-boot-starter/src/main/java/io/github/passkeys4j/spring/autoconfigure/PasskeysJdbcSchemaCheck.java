package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.spring.internal.StorageFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * At start-up, after every schema initializer and migration tool has run, checks that the tables of our JDBC storage
 * are there: a missing one fails the start ({@link MissingPasskeysTablesException}, explained by its failure
 * analyzer). A database that cannot be reached is not a failure here: the app starts, passkey requests answer 503
 * until the database is back.
 */
final class PasskeysJdbcSchemaCheck implements InitializingBean {

    private static final Log log = LogFactory.getLog(PasskeysJdbcSchemaCheck.class);

    private final DataSource dataSource;
    private final List<String> tables;
    private final String platform;

    /** @param tables the tables of our JDBC stores in use (none when the app brought its own stores) */
    PasskeysJdbcSchemaCheck(DataSource dataSource, List<String> tables, String platform) {
        this.dataSource = dataSource;
        this.tables = List.copyOf(tables);
        this.platform = platform;
    }

    @Override
    public void afterPropertiesSet() {
        if (tables.isEmpty()) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> missing = new ArrayList<>();
        try {
            for (String table : tables) {
                if (!exists(jdbc, table)) {
                    missing.add(table);
                }
            }
            // Version 5 added a column, which the table check above does not see.
            if (tables.contains("passkeys_credential")
                    && !missing.contains("passkeys_credential")
                    && !exists(jdbc, "passkeys_credential", "attestation_trusted")) {
                missing.add("passkeys_credential.attestation_trusted");
            }
            if (missing.isEmpty() && !exists(jdbc, "passkeys_schema_version")) {
                log.warn("The passkeys tables have no passkeys_schema_version table: they were made by an earlier"
                        + " release. Run migration/" + platform() + "/V2__passkeys_schema_version.sql (next to the"
                        + " schema files) or set passkeys.jdbc.initialize-schema=always.");
            }
        } catch (DataAccessException e) {
            if (!StorageFailures.isUnavailable(e)) {
                throw e;
            }
            log.warn("The database is not reachable at start-up (" + StorageFailures.summary(e)
                    + "); passkey requests answer 503 until it is, and the passkeys tables are not checked.");
            return;
        }
        if (!missing.isEmpty()) {
            throw new MissingPasskeysTablesException(missing, platform());
        }
    }

    /** A query that reads no row: fails only when the table is not there (or the database is unreachable). */
    private static boolean exists(JdbcTemplate jdbc, String table) {
        return exists(jdbc, table, "1");
    }

    private static boolean exists(JdbcTemplate jdbc, String table, String column) {
        try {
            jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (DataAccessException e) {
            if (StorageFailures.isUnavailable(e)) {
                throw e;
            }
            return false;
        }
    }

    private String platform() {
        if (platform != null && !platform.isBlank()) {
            return platform.trim();
        }
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return DatabaseDriver.fromJdbcUrl(url).getId().toLowerCase(Locale.ROOT);
        } catch (MetaDataAccessException e) {
            return "postgresql";
        }
    }
}
