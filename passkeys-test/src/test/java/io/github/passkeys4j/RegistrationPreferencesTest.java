package io.github.passkeys4j;

import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.AuthenticatorSelection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What kind of authenticator a registration asks for: a passkey by default, a security key when asked. */
class RegistrationPreferencesTest {

    private final Fixture fx = new Fixture();

    private PublicKeyCredentialCreationOptions start(RegistrationPreferences preferences) {
        return fx.rp.startRegistration(StartRegistration.forUser("alice").withPreferences(preferences));
    }

    @Test
    void aPasskeyByDefault() {
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(StartRegistration.forUser("alice"));

        assertThat(options.authenticatorSelection())
                .isEqualTo(new AuthenticatorSelection(null, "required", true, "required"));
        assertThat(options.hints()).isEmpty();
        assertThat(options.toJson()).doesNotContain("hints").doesNotContain("authenticatorAttachment");
    }

    @Test
    void aSecurityKeyWhenAsked() {
        PublicKeyCredentialCreationOptions options = start(RegistrationPreferences.SECURITY_KEY);

        assertThat(options.authenticatorSelection())
                .isEqualTo(new AuthenticatorSelection("cross-platform", "discouraged", false, "required"));
        assertThat(options.hints()).containsExactly("security-key");
        assertThat(options.toJson()).contains("\"hints\":[\"security-key\"]");
    }

    @Test
    void theAppsOwnChoice() {
        PublicKeyCredentialCreationOptions options =
                start(new RegistrationPreferences("preferred", "platform", List.of("client-device", "hybrid")));

        assertThat(options.authenticatorSelection())
                .isEqualTo(new AuthenticatorSelection("platform", "preferred", false, "required"));
        assertThat(options.hints()).containsExactly("client-device", "hybrid");
    }

    @Test
    void badValuesAreRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> new RegistrationPreferences("always", null, List.of()))
                .hasMessageContaining("required, preferred or discouraged");
        assertThatThrownBy(() -> new RegistrationPreferences("required", "usb", List.of()))
                .hasMessageContaining("platform, cross-platform");
        assertThatThrownBy(() -> new RegistrationPreferences("required", null, List.of("phone")))
                .hasMessageContaining("security-key, client-device or hybrid");
        assertThatThrownBy(() -> new RegistrationPreferences("required", null, List.of("hybrid", "hybrid")))
                .hasMessageContaining("repeat");
        assertThatThrownBy(() -> new RegistrationPreferences("required", "platform", List.of("security-key")))
                .hasMessageContaining("contradicts");
    }
}
