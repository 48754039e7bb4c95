package io.github.passkeys4j.sample;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (h) The wire format is the library's, not the app's: Acme Notes sets
 * {@code spring.jackson.property-naming-strategy=SNAKE_CASE}, yet options and passkeys keep the W3C and README
 * camelCase names the browser and the JS client read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WireFormatHttpTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Test
    void registrationOptionsKeepTheW3cNames() {
        SampleHttp user = signedInUser();
        HttpResponse<String> first = user.json("POST", "/passkeys/registration/options", "{}", "/");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode json = SampleHttp.body(first);
        assertThat(json.has("pubKeyCredParams")).as(first.body()).isTrue();
        assertThat(json.has("rp")).as(first.body()).isTrue();
        assertThat(json.has("authenticatorSelection")).as(first.body()).isTrue();
        assertThat(json.path("authenticatorSelection").has("residentKey"))
                .as(first.body())
                .isTrue();
        assertThat(json.path("user").has("displayName")).as(first.body()).isTrue();
        assertThat(first.body())
                .doesNotContain(
                        "pub_key_cred_params",
                        "authenticator_selection",
                        "resident_key",
                        "user_verification",
                        "display_name");

        // With a passkey on the account, the options list it to exclude (an empty list may be left out).
        String credentialId = register(user, new SoftwareAuthenticator());
        HttpResponse<String> second = user.json("POST", "/passkeys/registration/options", "{}", "/");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(SampleHttp.body(second)
                        .path("excludeCredentials")
                        .path(0)
                        .path("id")
                        .asString())
                .as(second.body())
                .isEqualTo(credentialId);
        assertThat(second.body()).doesNotContain("exclude_credentials", "pub_key_cred_params");
    }

    @Test
    void authenticationOptionsKeepTheW3cNames() {
        HttpResponse<String> options =
                new SampleHttp(port).json("POST", "/passkeys/authentication/options", "{}", "/login");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode json = SampleHttp.body(options);
        assertThat(json.path("rpId").asString()).as(options.body()).isEqualTo("localhost");
        assertThat(json.has("userVerification")).as(options.body()).isTrue();
        assertThat(options.body()).doesNotContain("rp_id", "user_verification", "allow_credentials");
    }

    @Test
    void passkeysAreListedWithTheReadmesNames() {
        SampleHttp user = signedInUser();
        register(user, new SoftwareAuthenticator());
        HttpResponse<String> list = user.get("/passkeys/credentials");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode passkey = SampleHttp.body(list).get(0);
        assertThat(passkey.has("createdAt")).as(passkey.toString()).isTrue();
        assertThat(passkey.has("backupEligible")).as(passkey.toString()).isTrue();
        assertThat(passkey.path("provider").has("iconLight"))
                .as(passkey.toString())
                .isTrue();
        assertThat(list.body()).doesNotContain("created_at", "backup_eligible", "icon_light");
    }

    /** Adds a passkey made by {@code authenticator}; returns its credential ID. */
    private static String register(SampleHttp user, SoftwareAuthenticator authenticator) {
        HttpResponse<String> options = user.json("POST", "/passkeys/registration/options", "{}", "/");
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), user.origin());
        HttpResponse<String> created = user.json(
                "POST",
                "/passkeys/registration",
                "{\"credential\": " + credential + ", \"name\": \"Work laptop\"}",
                "/");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SampleHttp.body(created).path("id").asString();
    }

    private SampleHttp signedInUser() {
        String username = "wire-" + UUID.randomUUID().toString().substring(0, 8);
        SampleHttp user = new SampleHttp(port);
        user.signUp(username, PASSWORD);
        return user.signedIn(username, PASSWORD);
    }
}
