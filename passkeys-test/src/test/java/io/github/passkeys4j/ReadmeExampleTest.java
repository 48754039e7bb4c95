package io.github.passkeys4j;

import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Without Spring" example, line for line, so the documented API keeps compiling and working. The
 * browser is played by the software authenticator, with the options' own JSON in between as on the web.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleWorksAsWritten() {
        PasskeyRepository myPasskeyRepository = new InMemoryPasskeyRepository();
        SoftwareAuthenticator browser = new SoftwareAuthenticator();

        RelyingParty rp = RelyingParty.builder("example.com", "Example")
                .origins(Set.of("https://example.com"))
                .passkeys(myPasskeyRepository) // storage SPI; in-memory by default
                .build();

        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistration.forUser("alice"));
        String createJson = options.toJson();
        String credentialJson =
                browser.register(SoftwareAuthenticator.creationOptions(createJson), "https://example.com");
        Passkey passkey = rp.finishRegistration(
                FinishRegistration.of("alice", credentialJson).withName("Work laptop"));

        String browserSecret = "the browser's session cookie";
        PublicKeyCredentialRequestOptions request =
                rp.startAuthentication(StartAuthentication.discoverable().withBrowserBinding(browserSecret));
        String getJson = request.toJson();
        String assertionJson =
                browser.authenticate(SoftwareAuthenticator.requestOptions(getJson), "https://example.com");
        AuthenticationResult result =
                rp.finishAuthentication(new FinishAuthentication(assertionJson).withBrowserBinding(browserSecret));

        assertThat(passkey.name()).isEqualTo("Work laptop");
        assertThat(result.user().username()).isEqualTo("alice");
        assertThat(result.passkey().credentialId()).isEqualTo(passkey.credentialId());
        assertThat(myPasskeyRepository.findByCredentialId(passkey.credentialId()))
                .isPresent();
    }
}
