package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in fuzzing over real HTTP: a real assertion for alice's passkey (real signature, fresh options each try),
 * changed, then sent to {@code POST /passkeys/authentication}. Whatever the change, the answer is a 4xx problem
 * with nothing internal in it, nobody is signed in, and no account data changes — unless the change left everything the
 * server verifies as it was (then signing in is right).
 */
@AddLifecycleHook(FuzzSettings.class)
class AuthenticationFuzzProperties {

    private static final Map<FuzzApp, SoftwareAuthenticator> ALICES_PHONE = new ConcurrentHashMap<>();

    FuzzApp app() {
        return FuzzApp.h2();
    }

    @Property(tries = 40)
    void changedAssertionJsonSignsNobodyIn(@ForAll("jsonEdits") JsonEdits.Edit edit) {
        tryAssertion(edit, new Tamper(), honest -> {
            byte[] body = edit.apply(honest.assertion());
            return new Attempt(
                    body, !FuzzChecks.assertionView(body).equals(FuzzChecks.assertionView(bytes(honest.assertion()))));
        });
    }

    /** The authenticator signs the changed {@code clientDataJSON}: the server's JSON parsing behind a valid signature. */
    @Property(tries = 30)
    void signedButBrokenClientDataSignsNobodyIn(@ForAll("clientDataEdits") JsonEdits.Edit edit) {
        Tamper tamper = new Tamper().rewriteClientData(clientData -> edit.apply(JsonEdits.JSON.readTree(clientData)));
        tryAssertion(edit, tamper, honest -> {
            byte[] sent = Base64.getUrlDecoder()
                    .decode(honest.assertion()
                            .path("response")
                            .path("clientDataJSON")
                            .asString());
            byte[] expected = JsonEdits.JSON.writeValueAsBytes(Map.of(
                    "type",
                    "webauthn.get",
                    "challenge",
                    honest.challenge(),
                    "origin",
                    honest.origin(),
                    "crossOrigin",
                    false));
            return new Attempt(
                    bytes(honest.assertion()),
                    !FuzzChecks.clientDataView(sent).equals(FuzzChecks.clientDataView(expected)));
        });
    }

    /** The authenticator signs the changed authenticator data: flags, RP ID hash, CBOR after it. */
    @Property(tries = 30)
    void signedButBrokenAuthenticatorDataSignsNobodyIn(
            @ForAll("authenticatorDataEdits") SignedAuthDataEdits.SignedAuthDataEdit edit) {
        tryAssertion(
                edit,
                new Tamper().rewriteAuthenticatorData(edit::apply),
                honest -> new Attempt(bytes(honest.assertion()), edit.mustRefuse()));
    }

    /** One bit flipped after signing, in any signed or checked member. */
    @Property(tries = 20)
    void flippedBitsAfterSigningSignNobodyIn(
            @ForAll("signedMembers") String member,
            @ForAll @IntRange(max = 10_000) int position,
            @ForAll @IntRange(max = 7) int bit) {
        String what = member + " bit " + bit + " of byte " + position;
        tryAssertion(what, new Tamper(), honest -> {
            ObjectNode assertion = honest.assertion();
            ObjectNode holder =
                    member.equals("id") || member.equals("rawId") ? assertion : (ObjectNode) assertion.path("response");
            byte[] value = Base64.getUrlDecoder().decode(holder.path(member).asString());
            value[position % value.length] ^= (byte) (1 << bit);
            holder.put(member, Base64.getUrlEncoder().withoutPadding().encodeToString(value));
            return new Attempt(bytes(assertion), true);
        });
    }

    @Provide
    Arbitrary<JsonEdits.Edit> jsonEdits() {
        return JsonEdits.any();
    }

    @Provide
    Arbitrary<JsonEdits.Edit> clientDataEdits() {
        return Arbitraries.oneOf(JsonEdits.structural(), JsonEdits.rawBytes());
    }

    @Provide
    Arbitrary<SignedAuthDataEdits.SignedAuthDataEdit> authenticatorDataEdits() {
        return SignedAuthDataEdits.any();
    }

    @Provide
    Arbitrary<String> signedMembers() {
        return Arbitraries.of("clientDataJSON", "authenticatorData", "signature", "userHandle", "id", "rawId");
    }

    /** A body to send and whether the server must refuse it. */
    record Attempt(byte[] body, boolean mustRefuse) {}

    /** The authenticator's answer (after its {@link Tamper}) and the options' challenge and origin. */
    record Honest(ObjectNode assertion, String challenge, String origin) {}

    /** One try: options, a real assertion (changed by {@code tamper}), {@code change} makes the body; the checks. */
    private void tryAssertion(Object what, Tamper tamper, Function<Honest, Attempt> change) {
        FuzzApp app = app();
        SoftwareAuthenticator phone = ALICES_PHONE.computeIfAbsent(app, AuthenticationFuzzProperties::registerAlice);
        HttpSession browser = app.browser();
        HttpResponse<String> options = browser.post("/passkeys/authentication/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        StoredRows before = StoredRows.of(app.jdbc, "alice");
        ObjectNode honest = (ObjectNode) JsonEdits.JSON.readTree(
                phone.authenticate(SoftwareAuthenticator.requestOptions(options.body()), browser.origin(), tamper));
        Attempt attempt = change.apply(
                new Honest(honest, HttpSession.json(options).path("challenge").asString(), browser.origin()));

        HttpResponse<String> response = FuzzChecks.send(browser, "POST", "/passkeys/authentication", attempt.body());

        Statistics.label("answer").collect(response.statusCode(), reason(response));
        if (response.statusCode() == 200 && !attempt.mustRefuse()) {
            // The change left everything verified as it was: a right sign-in (alice's counter moved on).
            FuzzChecks.assertNothingInternal(response, what);
            return;
        }
        FuzzChecks.assertRefused(response, what);
        assertThat(StoredRows.of(app.jdbc, "alice")).as(what + ": stored rows").isEqualTo(before);
        FuzzChecks.assertAnonymous(browser, what);
    }

    private static SoftwareAuthenticator registerAlice(FuzzApp app) {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        PasskeyEndpointsTest.register(app.signedIn("alice", "alice-password"), phone, "{\"name\": \"Fuzz phone\"}");
        return phone;
    }

    private static String reason(HttpResponse<String> response) {
        return Optional.ofNullable(FuzzChecks.tree(response.body().getBytes(StandardCharsets.UTF_8)))
                .map(problem -> problem.path("reason").asString(""))
                .orElse("");
    }

    private static byte[] bytes(JsonNode node) {
        return JsonEdits.JSON.writeValueAsBytes(node);
    }
}
