package io.github.passkeys4j.spring.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Every table of the passkeys schema, for the tests that drop them all to start from no schema at all. */
public final class PasskeysTables {

    /** Every table of the schema, in an order they can be dropped. */
    public static final List<String> ALL = List.of(
            "passkeys_credential",
            "passkeys_user",
            "passkeys_pending_ceremony",
            "passkeys_spent_challenge",
            "passkeys_used_challenge", // version 3 to 5; V6 drops it
            "passkeys_challenge_key",
            "passkeys_recovery_code",
            "passkeys_recovery_attempt",
            "passkeys_schema_version");

    private PasskeysTables() {}

    /** Drops each table of the schema that exists. */
    public static void dropAll(JdbcTemplate jdbc) {
        for (String table : ALL) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
