package io.github.passkeys4j.spring.web;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration fuzzing over real HTTP: bob, signed in with his password, asks for options, a software authenticator
 * answers for real, and the answer is changed before {@code POST /passkeys/registration}. "None" attestation is signed
 * by nobody, so some changes make another valid registration (another AAGUID, counter, an unknown COSE label): those
 * may be stored, as exactly one passkey whose ID is the one the attestation object carries. Everything else is a 4xx
 * problem with nothing internal in it, and no stored change; bob stays signed in as himself.
 */
@AddLifecycleHook(FuzzSettings.class)
class RegistrationFuzzProperties {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final AttestationObjectConverter ATTESTATION = new AttestationObjectConverter(new ObjectConverter());
    private static final Map<FuzzApp, HttpSession> BOB = new ConcurrentHashMap<>();

    FuzzApp app() {
        return FuzzApp.h2();
    }

    @Property(tries = 40)
    void changedRegistrationJson(@ForAll("jsonEdits") JsonEdits.Edit edit) {
        tryRegistration(edit, honest -> {
            byte[] body = edit.apply(honest);
            boolean same = FuzzChecks.registrationView(body).equals(FuzzChecks.registrationView(bytes(honest)));
            return new Attempt(body, !same);
        });
    }

    @Property(tries = 40)
    void changedAttestationObject(@ForAll("attestationEdits") CborEdits.AttestationEdit edit) {
        tryRegistration(edit, honest -> {
            ObjectNode response = (ObjectNode) honest.path("credential").path("response");
            CborEdits.Registration registration = new CborEdits.Registration(Base64.getUrlDecoder()
                    .decode(response.path("authenticatorData").asString()));
            response.put("attestationObject", B64.encodeToString(edit.apply(registration)));
            return new Attempt(bytes(honest), edit.mustRefuse(registration));
        });
    }

    @Property(tries = 20)
    void changedClientDataJson(@ForAll("clientDataEdits") JsonEdits.Edit edit) {
        tryRegistration(edit, honest -> {
            ObjectNode response = (ObjectNode) honest.path("credential").path("response");
            byte[] clientData = Base64.getUrlDecoder()
                    .decode(response.path("clientDataJSON").asString());
            byte[] changed = edit.apply(JsonEdits.JSON.readTree(clientData));
            response.put("clientDataJSON", B64.encodeToString(changed));
            boolean same = FuzzChecks.clientDataView(changed).equals(FuzzChecks.clientDataView(clientData));
            return new Attempt(bytes(honest), !same);
        });
    }

    @Provide
    Arbitrary<JsonEdits.Edit> jsonEdits() {
        return JsonEdits.any();
    }

    @Provide
    Arbitrary<CborEdits.AttestationEdit> attestationEdits() {
        return CborEdits.attestation();
    }

    @Provide
    Arbitrary<JsonEdits.Edit> clientDataEdits() {
        return Arbitraries.oneOf(JsonEdits.structural(), JsonEdits.rawBytes());
    }

    /** A body to send and whether the server must refuse it. */
    record Attempt(byte[] body, boolean mustRefuse) {}

    private void tryRegistration(Object what, Function<ObjectNode, Attempt> change) {
        FuzzApp app = app();
        HttpSession bob = BOB.computeIfAbsent(app, a -> a.signedIn("bob", "bob-password"));
        HttpResponse<String> options = bob.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        String credential = new SoftwareAuthenticator()
                .register(SoftwareAuthenticator.creationOptions(options.body()), bob.origin());
        ObjectNode honest = JsonEdits.JSON.createObjectNode();
        honest.set("credential", JsonEdits.JSON.readTree(credential));
        StoredRows before = StoredRows.of(app.jdbc, "bob");
        Attempt attempt = change.apply(honest);

        HttpResponse<String> response = FuzzChecks.send(bob, "POST", "/passkeys/registration", attempt.body());

        if (response.statusCode() == 201 && !attempt.mustRefuse()) {
            FuzzChecks.assertNothingInternal(response, what);
            String id = HttpSession.json(response).path("id").asString();
            assertThat(id).as(what + ": the stored ID is the attested one").isEqualTo(attestedId(attempt.body()));
            assertThat(StoredRows.of(app.jdbc, "bob").count("passkeys_credential"))
                    .as(what + ": one passkey stored")
                    .isEqualTo(before.count("passkeys_credential") + 1);
            // Room for the next tries under the per-account limit.
            assertThat(bob.delete("/passkeys/credentials/" + id).statusCode()).isEqualTo(204);
        } else {
            FuzzChecks.assertRefused(response, what);
            assertThat(StoredRows.of(app.jdbc, "bob"))
                    .as(what + ": stored rows")
                    .isEqualTo(before);
        }
        FuzzChecks.assertStillPasswordUser(bob, "bob", what);
    }

    /** The credential ID in the attestation object sent, which must also be the body's id and rawId. */
    private static String attestedId(byte[] body) {
        JsonNode credential = FuzzChecks.tree(body).path("credential");
        byte[] attested = ATTESTATION
                .convert(Base64.getUrlDecoder()
                        .decode(credential
                                .path("response")
                                .path("attestationObject")
                                .asString()))
                .getAuthenticatorData()
                .getAttestedCredentialData()
                .getCredentialId();
        String hex = HexFormat.of().formatHex(attested);
        assertThat(FuzzChecks.decoded(credential.get("rawId"))).as("rawId").isEqualTo(hex);
        assertThat(FuzzChecks.decoded(credential.get("id"))).as("id").isEqualTo(hex);
        return B64.encodeToString(attested);
    }

    private static byte[] bytes(JsonNode node) {
        return JsonEdits.JSON.writeValueAsBytes(node);
    }
}
