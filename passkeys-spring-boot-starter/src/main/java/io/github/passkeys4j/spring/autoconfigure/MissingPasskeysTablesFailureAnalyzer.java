package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

/** Says which passkeys tables are missing and the two ways to create them, in Boot's start-up failure report. */
final class MissingPasskeysTablesFailureAnalyzer extends AbstractFailureAnalyzer<MissingPasskeysTablesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingPasskeysTablesException cause) {
        String platform = cause.platform();
        // MariaDB has no upgrade files yet: its schema file is its first version.
        boolean migrations = new ClassPathResource(
                        "io/github/passkeys4j/spring/jdbc/migration/" + platform + "/V1__passkeys_tables.sql")
                .exists();
        return new FailureAnalysis(
                "Passkeys for Java stores passkeys in this database, but its tables are not there: "
                        + String.join(", ", cause.tables()) + ". They are created at start-up only on an embedded"
                        + " database, unless passkeys.jdbc.initialize-schema says otherwise.",
                "Create them: either set passkeys.jdbc.initialize-schema=always (every start creates what is"
                        + " missing), or run classpath:io/github/passkeys4j/spring/jdbc/schema-" + platform
                        + ".sql"
                        + (migrations
                                ? ", or the files under classpath:io/github/passkeys4j/spring/jdbc/migration/"
                                        + platform + "/ in order,"
                                : "")
                        + " with your own migration tool (Flyway, Liquibase).",
                cause);
    }
}
