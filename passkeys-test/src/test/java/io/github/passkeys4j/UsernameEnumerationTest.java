package io.github.passkeys4j;

import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.internal.CoreJson;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A username-first sign-in does not tell who has an account: a known and an unknown username get options with the
 * same members, the same count rules, id lengths and transports as real credentials have, and stable stand-ins.
 */
class UsernameEnumerationTest {

    private final InMemoryChallengeKeys keys = new InMemoryChallengeKeys();
    private final Fixture fx = new Fixture(builder -> builder.challengeKeys(keys));

    private PublicKeyCredentialRequestOptions options(String username, String accountId) {
        return fx.rp.startAuthentication(
                StartAuthentication.usernameFirst(username, accountId).withBrowserBinding("b".repeat(43)));
    }

    private static Set<String> members(JsonNode node) {
        Set<String> names = new HashSet<>(node.propertyNames());
        return names;
    }

    @Test
    void knownAndUnknownUsernamesGetOptionsWithTheSameMembers() {
        fx.rp.finishRegistration(FinishRegistration.of(
                "alice",
                fx.authenticator.register(
                        fx.rp.startRegistration(StartRegistration.forUser("alice")),
                        Fixture.ORIGIN,
                        new Tamper().transports("usb"))));
        JsonNode known = CoreJson.MAPPER.readTree(options("alice", "alice").toJson());
        JsonNode unknown = CoreJson.MAPPER.readTree(options("nobody", null).toJson());

        assertThat(members(unknown)).isEqualTo(members(known));
        assertThat(members(unknown.get("allowCredentials").get(0)))
                .isEqualTo(members(known.get("allowCredentials").get(0)));
        assertThat(unknown.get("challenge").asString())
                .hasSameSizeAs(known.get("challenge").asString());
        assertThat(unknown.get("timeout")).isEqualTo(known.get("timeout"));
        assertThat(unknown.get("userVerification")).isEqualTo(known.get("userVerification"));
    }

    @Test
    void standInsAreStableAcrossCallsAndNodesButNotTheChallenge() {
        PublicKeyCredentialRequestOptions first = options("nobody", null);
        PublicKeyCredentialRequestOptions second = options("nobody", null);
        // Another node: the same stores and keys, another RelyingParty.
        RelyingParty otherNode = fx.rp.toBuilder().build();
        PublicKeyCredentialRequestOptions third =
                otherNode.startAuthentication(StartAuthentication.usernameFirst("nobody", null));

        assertThat(second.allowCredentials()).isEqualTo(first.allowCredentials());
        assertThat(third.allowCredentials()).isEqualTo(first.allowCredentials());
        assertThat(second.challenge()).isNotEqualTo(first.challenge());
        assertThat(options("Nobody", null).allowCredentials()).isEqualTo(first.allowCredentials());
        assertThat(options("somebody", null).allowCredentials()).isNotEqualTo(first.allowCredentials());
    }

    @Test
    void stayStableAcrossKeyRotations() {
        List<CredentialDescriptor> before = options("nobody", null).allowCredentials();
        fx.clock.advance(java.time.Duration.ofDays(30));

        assertThat(options("nobody", null).allowCredentials()).isEqualTo(before);
    }

    @Test
    void anotherSecretGivesOtherStandIns() {
        RelyingParty otherServer =
                fx.rp.toBuilder().challengeKeys(new InMemoryChallengeKeys()).build();

        assertThat(otherServer
                        .startAuthentication(StartAuthentication.usernameFirst("nobody", null))
                        .allowCredentials())
                .isNotEqualTo(options("nobody", null).allowCredentials());
    }

    @Test
    void aKnownAccountWithoutPasskeysGetsStandInsLikeAnUnknownOne() {
        fx.users.create(io.github.passkeys4j.store.PasskeyUser.newAccount("id-9", "carol"));

        List<CredentialDescriptor> known = options("carol", "id-9").allowCredentials();

        assertThat(known).isEqualTo(options("carol", null).allowCredentials());
        assertThat(known).isNotEmpty();
    }

    /** Over many usernames: one to three credentials (mostly one), real-looking id lengths and transports. */
    @Test
    void standInsFollowTheCountLengthAndTransportRules() {
        Map<Integer, Integer> counts = new TreeMap<>();
        Set<Integer> lengths = new HashSet<>();
        Set<List<String>> transports = new HashSet<>();
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 2000).forEach(i -> {
            List<CredentialDescriptor> allow = options("user" + i, null).allowCredentials();
            counts.merge(allow.size(), 1, Integer::sum);
            for (CredentialDescriptor d : allow) {
                assertThat(d.type()).isEqualTo("public-key");
                assertThat(d.id()).matches("[A-Za-z0-9_-]+");
                lengths.add(Base64Url.decode(d.id()).length);
                transports.add(d.transports());
                ids.add(d.id());
            }
        });

        assertThat(counts.keySet()).containsExactly(1, 2, 3);
        assertThat(counts.get(1)).isBetween(1200, 1600); // 70 %
        assertThat(counts.get(2)).isBetween(280, 520); // 20 %
        assertThat(counts.get(3)).isBetween(120, 280); // 10 %
        assertThat(lengths).containsExactlyInAnyOrder(16, 20, 32, 48, 64);
        assertThat(transports)
                .containsExactlyInAnyOrder(
                        List.of("usb"), List.of("nfc", "usb"), List.of("hybrid", "internal"), List.of("internal"));
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void aKnownUsernamesTransportsAreSortedAsStandInsAre() {
        fx.rp.finishRegistration(FinishRegistration.of(
                "alice",
                fx.authenticator.register(
                        fx.rp.startRegistration(StartRegistration.forUser("alice")),
                        Fixture.ORIGIN,
                        new Tamper().transports("usb", "nfc", "hybrid"))));

        assertThat(options("alice", "alice").allowCredentials().get(0).transports())
                .containsExactly("hybrid", "nfc", "usb");
    }
}
