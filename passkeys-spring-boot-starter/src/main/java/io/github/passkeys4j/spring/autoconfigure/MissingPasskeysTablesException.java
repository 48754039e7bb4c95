package io.github.passkeys4j.spring.autoconfigure;

import java.util.List;

/**
 * Start-up found the JDBC storage's tables missing (with {@code passkeys.jdbc.initialize-schema=never}, or on a
 * database that is not embedded with the default): refused at once, rather than every passkey request failing later.
 */
public final class MissingPasskeysTablesException extends IllegalStateException {

    private final List<String> tables;
    private final String platform;

    MissingPasskeysTablesException(List<String> tables, String platform) {
        super("Missing passkeys tables: " + String.join(", ", tables));
        this.tables = List.copyOf(tables);
        this.platform = platform;
    }

    /** The tables that are not there. */
    public List<String> tables() {
        return tables;
    }

    /** The schema files' platform name for this database ({@code postgresql}, {@code h2}, …). */
    public String platform() {
        return platform;
    }
}
