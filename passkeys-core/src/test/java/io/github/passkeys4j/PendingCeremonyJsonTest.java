package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.PasskeyUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pending-ceremony state the core writes for stores to keep, and reads back. */
class PendingCeremonyJsonTest {

    private static final Instant EXPIRES = Instant.parse("2026-03-01T10:05:00.123456789Z");

    @Test
    void aRegistrationRoundTripsWithItsUserAndAllowListInOrder() {
        PasskeyUser user = PasskeyUser.builder()
                .userHandle("dXNlci0x")
                .accountId("42")
                .username("alice")
                .displayName("Alice Liddell")
                .notBefore(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
        PendingCeremony ceremony = new PendingCeremony(
                "Y2hhbGxlbmdl",
                PendingCeremony.Type.REGISTRATION,
                user,
                List.of("Y3JlZC0y", "Y3JlZC0x"),
                UserVerification.PREFERRED,
                EXPIRES);

        assertThat(PendingCeremonyJson.read(PendingCeremonyJson.write(ceremony)))
                .isEqualTo(ceremony);
    }

    @Test
    void aConditionalRegistrationRoundTripsAndOlderStateIsNotConditional() {
        PasskeyUser user = PasskeyUser.builder()
                .userHandle("dXNlci0x")
                .accountId("42")
                .username("alice")
                .build();
        PendingCeremony conditional = new PendingCeremony(
                "Y2hhbGxlbmdl",
                PendingCeremony.Type.REGISTRATION,
                user,
                List.of(),
                UserVerification.REQUIRED,
                EXPIRES,
                true);
        PendingCeremony normal = new PendingCeremony(
                "Y2hhbGxlbmdl", PendingCeremony.Type.REGISTRATION, user, List.of(), UserVerification.REQUIRED, EXPIRES);

        assertThat(PendingCeremonyJson.read(PendingCeremonyJson.write(conditional)))
                .isEqualTo(conditional);
        // State written before the member existed has none: it reads as a normal ceremony (UP required).
        assertThat(new String(PendingCeremonyJson.write(normal), StandardCharsets.UTF_8))
                .doesNotContain("conditional");
        assertThat(PendingCeremonyJson.read(PendingCeremonyJson.write(normal)).conditional())
                .isFalse();
    }

    @Test
    void aDiscoverableSignInRoundTripsWithoutAUser() {
        PendingCeremony ceremony = new PendingCeremony(
                "Y2hhbGxlbmdl",
                PendingCeremony.Type.AUTHENTICATION,
                null,
                List.of(),
                UserVerification.REQUIRED,
                EXPIRES);

        assertThat(PendingCeremonyJson.read(PendingCeremonyJson.write(ceremony)))
                .isEqualTo(ceremony);
    }

    @Test
    void theStateIsJsonWithAVersion() {
        byte[] state = PendingCeremonyJson.write(new PendingCeremony(
                "Y2hhbGxlbmdl",
                PendingCeremony.Type.AUTHENTICATION,
                null,
                List.of("Y3JlZC0x"),
                UserVerification.REQUIRED,
                EXPIRES));

        var json = JsonMapper.builder().build().readTree(state);
        assertThat(json.path("version").asInt()).isEqualTo(PendingCeremonyJson.VERSION);
        assertThat(json.path("challenge").asString()).isEqualTo("Y2hhbGxlbmdl");
        assertThat(json.path("expiresAt").asString()).isEqualTo(EXPIRES.toString());
    }

    @Test
    void stateOfAnotherVersionOrDamagedIsAnUnknownChallenge() {
        byte[] state = PendingCeremonyJson.write(new PendingCeremony(
                "Y2hhbGxlbmdl",
                PendingCeremony.Type.AUTHENTICATION,
                null,
                List.of(),
                UserVerification.REQUIRED,
                EXPIRES));
        String json = new String(state, StandardCharsets.UTF_8);

        for (String bad : List.of(
                json.replace("\"version\":1", "\"version\":2"),
                json.replace("\"version\":1,", ""),
                json.replace("AUTHENTICATION", "LOGIN"),
                json.substring(0, json.length() / 2),
                "",
                "null",
                "[]")) {
            assertThatThrownBy(() -> PendingCeremonyJson.read(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_UNKNOWN));
        }
    }
}
