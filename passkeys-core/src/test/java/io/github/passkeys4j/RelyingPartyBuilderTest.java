package io.github.passkeys4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelyingPartyBuilderTest {

    @Test
    void hasSafeDefaults() {
        RelyingParty rp = RelyingParty.builder("example.com", "Example").build();

        assertThat(rp.rpId()).isEqualTo("example.com");
        assertThat(rp.origins()).containsExactly("https://example.com");
        assertThat(rp.userVerification()).isEqualTo(UserVerification.REQUIRED);
        assertThat(rp.management().list("nobody")).isEmpty();
        assertThat(rp.providers().size()).isPositive();
        assertThat(rp.startAuthentication(StartAuthentication.discoverable()).timeout())
                .isEqualTo(300_000);
    }

    @Test
    void acceptsLocalhostAndOriginsWithPorts() {
        RelyingParty rp = RelyingParty.builder("localhost", "Dev")
                .origins(Set.of("http://localhost:8080", "https://localhost"))
                .build();

        assertThat(rp.origins()).containsExactlyInAnyOrder("http://localhost:8080", "https://localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "example.com/", "example.com:8443", "", "  "})
    void refusesAnRpIdThatIsNotADomain(String rpId) {
        assertThatThrownBy(() -> RelyingParty.builder(rpId, "Example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rpId must be a domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/login", "https://example.com/", "example.com", "https:example.com"})
    void refusesAnOriginThatIsNotSchemeHostPort(String origin) {
        assertThatThrownBy(() -> RelyingParty.builder("example.com", "Example").origins(Set.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme://host[:port]")
                .hasMessageContaining(origin);
    }

    @Test
    void refusesNoOrigins() {
        assertThatThrownBy(() -> RelyingParty.builder("example.com", "Example").origins(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one origin");
    }

    @Test
    void refusesANonPositiveTimeout() {
        RelyingParty.Builder builder = RelyingParty.builder("example.com", "Example");

        assertThatThrownBy(() -> builder.ceremonyTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ceremonyTimeout");
        assertThatThrownBy(() -> builder.ceremonyTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ceremonyTimeout");
    }

    @Test
    void refusesMissingRequiredArguments() {
        assertThatThrownBy(() -> RelyingParty.builder(null, "Example")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RelyingParty.builder("example.com", null)).isInstanceOf(NullPointerException.class);
    }
}
