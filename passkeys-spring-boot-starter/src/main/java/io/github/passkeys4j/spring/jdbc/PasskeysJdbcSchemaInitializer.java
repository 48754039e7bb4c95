package io.github.passkeys4j.spring.jdbc;

import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Creates the tables of the JDBC storage from the schema file for the database at hand
 * ({@value #SCHEMA_LOCATION}, the platform detected from the {@link DataSource} as Spring Session JDBC does). As a
 * bean it runs on startup, before beans that depend on database initialization. The scripts only create what is
 * missing, so running them again is harmless; a failing statement fails the initialization.
 *
 * <p>Schema files exist for {@code h2}, {@code postgresql} and {@code mariadb}. On another database, create the tables yourself
 * (adapting {@code schema-postgresql.sql}) and use {@link DatabaseInitializationMode#NEVER}; with
 * {@link DatabaseInitializationMode#ALWAYS}, or {@code EMBEDDED} on an embedded database, this constructor then
 * throws an {@link IllegalStateException} that says so.
 */
public final class PasskeysJdbcSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    /** Where the schema files are; {@code @@platform@@} is the platform ({@code h2}, {@code postgresql}, {@code mariadb}). */
    public static final String SCHEMA_LOCATION = "classpath:io/github/passkeys4j/spring/jdbc/schema-@@platform@@.sql";

    /**
     * @param dataSource the database
     * @param mode       when to create the tables: {@code EMBEDDED} (the auto-configuration's default) only for an
     *                   embedded database such as in-memory H2, {@code ALWAYS}, or {@code NEVER}
     */
    public PasskeysJdbcSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
        this(dataSource, mode, null);
    }

    /**
     * @param dataSource the database
     * @param mode       when to create the tables
     * @param platform   the schema file's platform ({@code h2}, {@code postgresql}), or {@code null} or blank to
     *                   detect it from the database
     */
    public PasskeysJdbcSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode, String platform) {
        this(settings(dataSource, mode, platform), dataSource);
    }

    private PasskeysJdbcSchemaInitializer(DatabaseInitializationSettings settings, DataSource dataSource) {
        super(
                settings.getSchemaLocations() != null
                                && settings.getSchemaLocations().stream()
                                        .anyMatch(location -> location.endsWith("-postgresql.sql"))
                        ? new OneAtATime(dataSource)
                        : dataSource,
                settings);
    }

    private static DatabaseInitializationSettings settings(
            DataSource dataSource, DatabaseInitializationMode mode, String platform) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(mode, "mode");
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setMode(mode);
        settings.setContinueOnError(false);
        boolean willRun = mode == DatabaseInitializationMode.ALWAYS
                || (mode == DatabaseInitializationMode.EMBEDDED && EmbeddedDatabaseConnection.isEmbedded(dataSource));
        if (willRun) {
            settings.setSchemaLocations(schemaLocations(dataSource, platform));
        }
        return settings;
    }

    private static List<String> schemaLocations(DataSource dataSource, String platform) {
        PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver();
        List<String> locations = StringUtils.hasText(platform)
                ? resolver.resolveAll(platform.trim(), SCHEMA_LOCATION)
                : resolver.resolveAll(dataSource, SCHEMA_LOCATION);
        ClassLoader classLoader = PasskeysJdbcSchemaInitializer.class.getClassLoader();
        DefaultResourceLoader resources = new DefaultResourceLoader(classLoader);
        for (String location : locations) {
            if (!resources.getResource(location).exists()) {
                throw new IllegalStateException("Passkeys for Java has no schema file for this database (" + location
                        + "); create its tables yourself (see schema-postgresql.sql next to it) and set the"
                        + " schema initialization mode to never");
            }
        }
        return locations;
    }
}
