package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code http://localhost:*} allows any port of localhost, for development, and nothing else. */
class LocalhostOriginTest {

    private final Fixture fx = new Fixture(builder -> builder.origins(Set.of("http://localhost:*")));

    private void registerAliceAtLocalhost() {
        String created = fx.authenticator.register(
                fx.rp.startRegistration(StartRegistration.forUser("alice")), "http://localhost:5173");
        fx.rp.finishRegistration(FinishRegistration.of("alice", created));
    }

    @Test
    void anyPortOfLocalhostMayRegisterAndSignIn() {
        registerAliceAtLocalhost();
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.discoverable());

        AuthenticationResult result = fx.signIn(fx.authenticator.authenticate(options, "http://localhost:3000"));

        assertThat(result.user().username()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://localhost:5173",
                "http://127.0.0.1:5173",
                "http://localhost.evil.test:5173",
                "http://evil.test:5173",
                "https://example.com"
            })
    void otherOriginsAreStillRefused(String origin) {
        registerAliceAtLocalhost();
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.discoverable());
        String response = fx.authenticator.authenticate(options, origin);

        fx.assertRefused(Reason.ORIGIN_NOT_ALLOWED, () -> fx.signIn(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com:*", "http://localhost:8080:*"})
    void theWildcardIsForLocalhostOnly(String origin) {
        assertThatThrownBy(() -> RelyingParty.builder("example.com", "Example").origins(Set.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(origin);
    }
}
