package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;

import static io.github.passkeys4j.spring.jdbc.JdbcStorageTestSupport.T0;
import static io.github.passkeys4j.testing.PasskeyRepositoryContract.barePasskey;
import static io.github.passkeys4j.testing.PasskeyRepositoryContract.passkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the JDBC stores do beyond the storage contract of {@code passkeys-test}, on every database. */
interface JdbcColumnsContract {

    JdbcPasskeyRepository passkeys();

    JdbcTemplate jdbc();

    JdbcPasskeyUserRepository users();

    @Test
    default void instantsAreTruncatedToTheMicrosecond() {
        Instant withNanos = Instant.parse("2025-03-04T05:06:07.123456789Z");
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", withNanos));

        Passkey found = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();

        assertThat(found.createdAt()).isEqualTo(withNanos.truncatedTo(ChronoUnit.MICROS));
        assertThat(found.lastUsedAt())
                .isEqualTo(withNanos.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Nodes in different time zones read the same instants, also in the hour a zone repeats in autumn and the one it
     * skips in spring: written from a JVM in Berlin, read from one in New York. (MariaDB's driver turns an
     * {@code OffsetDateTime} into the JVM's zone for a {@code DATETIME}, so both 02:30 of 2026-10-25 in Berlin were
     * stored alike; and it reads a {@code LocalDateTime} through the JVM's zone, so a UTC 02:30 that New York skips
     * came back as 03:30.)
     */
    @Test
    default void instantsReadBackTheSameWhateverTheJvmTimeZone() {
        Instant firstHalfPastTwo = Instant.parse("2026-10-25T00:30:00.5Z"); // 02:30 CEST; plus one hour: 02:30 CET
        // 02:30 on the night New York skips from 02:00 to 03:00: a reader there must not move it to 03:30.
        Instant notBefore = Instant.parse("2026-03-08T02:30:00.5Z");
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", firstHalfPastTwo));
            users().create(PasskeyUser.startingAfresh("42", "alice", notBefore));

            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Passkey found = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();
            assertThat(found.createdAt()).isEqualTo(firstHalfPastTwo);
            assertThat(found.lastUsedAt()).isEqualTo(firstHalfPastTwo.plus(1, ChronoUnit.HOURS));
            assertThat(users().findByAccountId("42"))
                    .hasValueSatisfying(u -> assertThat(u.notBefore()).isEqualTo(notBefore));
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    default void notBeforeIsTruncatedToTheMicrosecond() {
        users().create(PasskeyUser.startingAfresh("42", "alice", Instant.parse("2026-03-01T10:00:00.123456789Z")));

        assertThat(users().findByAccountId("42"))
                .hasValueSatisfying(
                        u -> assertThat(u.notBefore()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z")));
    }

    @Test
    default void aDuplicateCredentialIdWritesNoRow() {
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", T0));

        assertThatThrownBy(() -> passkeys().add(barePasskey("Y3JlZC0x", "dXNlci0y", T0.plusSeconds(60))))
                .isInstanceOf(PasskeyException.class);

        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM passkeys_credential", Integer.class))
                .isEqualTo(1);
    }
}
