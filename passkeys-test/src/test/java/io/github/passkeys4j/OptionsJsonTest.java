package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The options, serialized as a web layer would, have the W3C member names and values browsers expect. */
class OptionsJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Fixture fx = new Fixture();

    @Test
    void creationOptionsAreW3cJson() {
        JsonNode options = JSON.valueToTree(
                fx.rp.startRegistration(StartRegistration.forUser("alice").withDisplayName("Alice A.")));

        assertThat(options.path("rp").path("id").asString()).isEqualTo("example.com");
        assertThat(options.path("rp").path("name").asString()).isEqualTo("Example");
        assertThat(base64url(options.path("user").path("id"))).hasSize(32);
        assertThat(options.path("user").path("name").asString()).isEqualTo("alice");
        assertThat(options.path("user").path("displayName").asString()).isEqualTo("Alice A.");
        assertThat(base64url(options.path("challenge"))).hasSize(32);
        assertThat(options.path("pubKeyCredParams")
                        .valueStream()
                        .map(p ->
                                p.path("type").asString() + ":" + p.path("alg").asLong())
                        .toList())
                .containsExactly(
                        "public-key:-7",
                        "public-key:-8",
                        "public-key:-35",
                        "public-key:-36",
                        "public-key:-37",
                        "public-key:-38",
                        "public-key:-257");
        assertThat(options.path("timeout").asLong()).isEqualTo(300_000);
        JsonNode selection = options.path("authenticatorSelection");
        assertThat(selection.path("residentKey").asString()).isEqualTo("required");
        assertThat(selection.path("requireResidentKey").asBoolean()).isTrue();
        assertThat(selection.path("userVerification").asString()).isEqualTo("required");
        assertThat(selection.has("authenticatorAttachment"))
                .as("any authenticator may hold the passkey")
                .isFalse();
        assertThat(options.path("attestation").asString()).isEqualTo("none");
        assertThat(options.path("extensions").path("credProps").asBoolean()).isTrue();
        assertThat(options.has("excludeCredentials"))
                .as("a new user has nothing to exclude")
                .isFalse();
    }

    @Test
    void creationOptionsExcludeTheUsersPasskeys() {
        Passkey existing = fx.register("alice");
        fx.register("bob", new io.github.passkeys4j.testing.SoftwareAuthenticator());

        JsonNode options = JSON.valueToTree(fx.rp.startRegistration(StartRegistration.forUser("alice")));

        JsonNode exclude = options.path("excludeCredentials");
        assertThat(exclude.size()).isEqualTo(1);
        assertThat(exclude.get(0).path("type").asString()).isEqualTo("public-key");
        assertThat(exclude.get(0).path("id").asString()).isEqualTo(existing.credentialId());
        assertThat(exclude.get(0)
                        .path("transports")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("hybrid", "internal");
        assertThat(options.path("user").path("id").asString()).isEqualTo(existing.userHandle());
    }

    @Test
    void creationOptionsFollowTheUserVerificationSetting() {
        Fixture preferred = new Fixture(builder -> builder.userVerification(UserVerification.PREFERRED));

        JsonNode options = JSON.valueToTree(preferred.rp.startRegistration(StartRegistration.forUser("alice")));

        assertThat(options.path("authenticatorSelection")
                        .path("userVerification")
                        .asString())
                .isEqualTo("preferred");
    }

    @Test
    void everyStartHasAFreshChallenge() {
        String first =
                fx.rp.startRegistration(StartRegistration.forUser("alice")).challenge();
        String second =
                fx.rp.startRegistration(StartRegistration.forUser("alice")).challenge();
        String third =
                fx.rp.startAuthentication(StartAuthentication.discoverable()).challenge();

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    }

    @Test
    void requestOptionsForADiscoverableSignInAllowAnyPasskey() {
        JsonNode options = JSON.valueToTree(fx.rp.startAuthentication(StartAuthentication.discoverable()));

        // Sealed: 16 random bytes among its 66 (see SealedChallengeTest).
        assertThat(base64url(options.path("challenge"))).hasSize(66);
        assertThat(options.path("rpId").asString()).isEqualTo("example.com");
        assertThat(options.path("timeout").asLong()).isEqualTo(300_000);
        assertThat(options.path("userVerification").asString()).isEqualTo("required");
        assertThat(options.has("allowCredentials")).isFalse();
        assertThat(options.has("hints")).isFalse();
    }

    @Test
    void requestOptionsForANamedUserAllowTheirEnabledPasskeys() {
        Passkey alices = fx.register("alice");
        Passkey disabled = fx.register("alice", new io.github.passkeys4j.testing.SoftwareAuthenticator());
        fx.passkeys.updateSettings(disabled.withEnabled(false));
        fx.register("bob", new io.github.passkeys4j.testing.SoftwareAuthenticator());

        JsonNode options = JSON.valueToTree(fx.rp.startAuthentication(StartAuthentication.forUser("alice")));

        JsonNode allow = options.path("allowCredentials");
        assertThat(allow.size()).isEqualTo(1);
        assertThat(allow.get(0).path("type").asString()).isEqualTo("public-key");
        assertThat(allow.get(0).path("id").asString()).isEqualTo(alices.credentialId());
        assertThat(allow.get(0)
                        .path("transports")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("hybrid", "internal");
    }

    @Test
    void requestOptionsForAnUnknownUserLookLikeADiscoverableSignIn() {
        JsonNode options = JSON.valueToTree(fx.rp.startAuthentication(StartAuthentication.forUser("nobody")));

        assertThat(options.has("allowCredentials")).isFalse();
        assertThat(options.path("rpId").asString()).isEqualTo("example.com");
    }

    private static byte[] base64url(JsonNode text) {
        assertThat(text.isString()).as("a base64url string").isTrue();
        assertThat(text.asString()).doesNotContain("=", "+", "/");
        return Base64.getUrlDecoder().decode(text.asString());
    }

    @Test
    void toJsonWritesWhatAPlainMapperWritesForTheRealOptions() {
        fx.register("alice");
        var creation = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        var request = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));

        assertThat(creation.toJson()).isEqualTo(JSON.writeValueAsString(creation));
        assertThat(request.toJson()).isEqualTo(JSON.writeValueAsString(request));
    }
}
