package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up checks of Android app origins, subdomain wildcards and {@code passkeys.registration.*}: a bad value stops
 * the app with one line naming the property, the value and what is allowed.
 */
class SeveralOriginsAndRegistrationStartupTest {

    static final String ANDROID = "android:apk-key-hash:xXyYzZ0123456789-_abcdefghijklmnopqrstuvwxy";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageContaining(message)
                        .message()
                        .doesNotContain("\n"));
    }

    @Test
    void androidAppsAndSubdomainWildcardsAreAccepted() {
        runner.withPropertyValues(
                        "passkeys.rp-id=example.com",
                        "passkeys.origins=https://example.com,https://*.example.com," + ANDROID)
                .run(context -> assertThat(context.getBean(RelyingParty.class).origins())
                        .containsExactlyInAnyOrder("https://example.com", "https://*.example.com", ANDROID));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "android:apk-key-hash:abc | SHA-256 (32 bytes, 43 base64url characters)",
                "android:apk-key-hash:xXyYzZ0123456789+/abcdefghijklmnopqrstuvwxy | base64url (not base64",
                "android:apk-key-hash:xXyYzZ0123456789-_abcdefghijklmnopqrstuvwxy= | without padding",
                "https://*.evil-example.com | must stay under the RP ID example.com",
                "https://*.com | must stay under the RP ID example.com",
                "http://*.example.com | allowed only as https://*.example.com",
                "https://*.example.com:8443 | no port, path or second '*'",
            })
    void badOnesAreRefusedWithTheReason(String origin, String message) {
        assertRefused(
                message.strip(),
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://example.com," + origin.strip());
    }

    @Test
    void aSuffixThatIsNotASubdomainIsStillRefused() {
        assertRefused(
                "passkeys.origins: https://evilexample.com is not under passkeys.rp-id example.com",
                "passkeys.rp-id=example.com",
                "passkeys.origins=https://evilexample.com");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "passkeys.registration.resident-key=always | required, preferred or discouraged, not always",
                "passkeys.registration.authenticator-attachment=usb | platform, cross-platform or unset, not usb",
                "passkeys.registration.hints=phone | security-key, client-device or hybrid, not phone",
            })
    void badRegistrationPreferencesAreRefused(String property, String message) {
        PasskeysRegistrationProperties properties = new PasskeysRegistrationProperties();
        String[] pair = property.strip().split("=");
        switch (pair[0]) {
            case "passkeys.registration.resident-key" -> properties.setResidentKey(pair[1]);
            case "passkeys.registration.authenticator-attachment" -> properties.setAuthenticatorAttachment(pair[1]);
            default -> properties.setHints(java.util.List.of(pair[1]));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(properties::preferences)
                .isInstanceOf(InvalidPasskeysPropertiesException.class)
                .hasMessageContaining("passkeys.registration: ")
                .hasMessageContaining(message.strip());
    }

    @Test
    void contradictoryRegistrationPreferencesAreRefused() {
        PasskeysRegistrationProperties properties = new PasskeysRegistrationProperties();
        properties.setAuthenticatorAttachment("platform");
        properties.setHints(java.util.List.of("security-key"));

        org.assertj.core.api.Assertions.assertThatThrownBy(properties::preferences)
                .hasMessageContaining("platform contradicts the hint security-key");
    }
}
