package io.github.passkeys4j.provider;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasskeyProviderDirectoryTest {

    private static final UUID GOOGLE_PASSWORD_MANAGER = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    private static final UUID ICLOUD_KEYCHAIN_MANAGED = UUID.fromString("dd4ec289-e01d-41c9-bb89-70fa845d4bf2");
    private static final UUID APPLE_PASSWORDS = UUID.fromString("fbfc3007-154e-4ecc-8c0b-6e020557d7bd");
    private static final String AAGUID = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBundledListKnowsTheBigProvidersWithTheirIcons() {
        PasskeyProviderDirectory bundled = PasskeyProviderDirectory.bundled();

        PasskeyProvider google = bundled.find(GOOGLE_PASSWORD_MANAGER).orElseThrow();
        assertThat(google.aaguid()).isEqualTo(GOOGLE_PASSWORD_MANAGER);
        assertThat(google.name()).isEqualTo("Google Password Manager");
        assertThat(google.iconLight()).startsWith("data:image/");
        assertThat(google.iconDark()).startsWith("data:image/");
        assertThat(bundled.find(ICLOUD_KEYCHAIN_MANAGED).orElseThrow().name()).isEqualTo("iCloud Keychain (Managed)");
        PasskeyProvider apple = bundled.find(APPLE_PASSWORDS).orElseThrow();
        assertThat(apple.name()).isEqualTo("Apple Passwords");
        assertThat(apple.iconLight()).startsWith("data:image/");
        assertThat(bundled.size()).isGreaterThan(20);
    }

    @Test
    void findsNothingForAnUnknownOrMissingAaguid() {
        PasskeyProviderDirectory bundled = PasskeyProviderDirectory.bundled();

        assertThat(bundled.find(new UUID(0, 0))).isEmpty();
        assertThat(bundled.find(UUID.randomUUID())).isEmpty();
        assertThat(bundled.find(null)).isEmpty();
    }

    @Test
    void anEmptyObjectIsAnEmptyDirectory() {
        PasskeyProviderDirectory directory = PasskeyProviderDirectory.read(json("{}"));

        assertThat(directory.size()).isZero();
        assertThat(directory.find(GOOGLE_PASSWORD_MANAGER)).isEmpty();
        assertThat(PasskeyProviderDirectory.empty().size()).isZero();
    }

    @Test
    void readsTheCommunityFormatWithOptionalIcons() {
        PasskeyProviderDirectory directory = PasskeyProviderDirectory.read(json("{\"" + AAGUID
                + "\": {\"name\": \"Our Vault\", \"icon_light\": \"data:image/png;base64,AA\", \"extra\": 1},"
                + " \"00000000-0000-0000-0000-000000000001\": {\"name\": \"No Icons\"}}"));

        assertThat(directory.size()).isEqualTo(2);
        assertThat(directory.find(GOOGLE_PASSWORD_MANAGER))
                .contains(new PasskeyProvider(GOOGLE_PASSWORD_MANAGER, "Our Vault", "data:image/png;base64,AA", null));
        assertThat(directory.find(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .contains(new PasskeyProvider(new UUID(0, 1), "No Icons", null, null));
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("{\"" + AAGUID + "\": ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("passkey-provider list is not valid JSON");
    }

    @Test
    void refusesAnArray() {
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("[{\"name\": \"x\"}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passkey-provider list must be a JSON object keyed by AAGUID");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passkey-provider list");
    }

    @Test
    void refusesAKeyThatIsNotAnAaguid() {
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("{\"google\": {\"name\": \"Google\"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passkey-provider list has a key that is not an AAGUID: google");
    }

    @Test
    void refusesAnEntryWithoutAName() {
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("{\"" + AAGUID + "\": {\"icon_light\": \"x\"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passkey-provider list entry " + AAGUID + " has no name");
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("{\"" + AAGUID + "\": {\"name\": \"  \"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passkey-provider list entry " + AAGUID + " has no name");
        assertThatThrownBy(() -> PasskeyProviderDirectory.read(json("{\"" + AAGUID + "\": \"Google\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passkey-provider list entry " + AAGUID + " has no name");
    }

    @Test
    void otherNamesFillOnlyTheGapsOfTheList() {
        UUID securityKey = UUID.fromString("5ca1ab1e-0000-4000-8000-00000000c001");
        PasskeyProviderDirectory named = PasskeyProviderDirectory.bundled()
                .orNames(aaguid -> aaguid.equals(securityKey) || aaguid.equals(GOOGLE_PASSWORD_MANAGER)
                        ? Optional.of("From the FIDO metadata")
                        : Optional.of(" "));

        assertThat(named.find(securityKey)).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("From the FIDO metadata");
            assertThat(p.iconLight()).isNull();
        });
        assertThat(named.find(GOOGLE_PASSWORD_MANAGER).orElseThrow().name()).isEqualTo("Google Password Manager");
        assertThat(named.find(UUID.randomUUID())).as("a blank name is no name").isEmpty();
        assertThat(named.find(null)).isEmpty();
        assertThat(named.size()).isEqualTo(PasskeyProviderDirectory.bundled().size());
    }
}
