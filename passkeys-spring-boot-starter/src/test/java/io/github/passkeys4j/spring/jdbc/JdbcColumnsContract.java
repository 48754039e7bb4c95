package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
