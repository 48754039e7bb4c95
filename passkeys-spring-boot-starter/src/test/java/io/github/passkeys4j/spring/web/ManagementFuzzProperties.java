package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other endpoints with changed bodies and odd IDs, over real HTTP as carol (signed in with her password, one
 * passkey): a rename/disable body that is not {@code {"name": string}} and/or {@code {"enabled": boolean}} is a 4xx
 * problem that changes nothing; the options endpoints answer options or a problem whatever the body; an ID that is no
 * passkey of hers is a problem and changes nothing.
 */
@AddLifecycleHook(FuzzSettings.class)
class ManagementFuzzProperties {

    private static final String HONEST_PATCH = "{\"name\": \"Laptop\", \"enabled\": true}";
    private static final Map<FuzzApp, Carol> CAROL = new ConcurrentHashMap<>();

    FuzzApp app() {
        return FuzzApp.h2();
    }

    /** carol's session and her passkey's ID. */
    record Carol(HttpSession session, String passkeyId) {}

    @Property(tries = 30)
    void changedPatchBodies(@ForAll("jsonEdits") JsonEdits.Edit edit) {
        FuzzApp app = app();
        Carol carol = carol(app);
        byte[] body = edit.apply(JsonEdits.JSON.readTree(HONEST_PATCH));
        StoredRows before = StoredRows.of(app.jdbc, "carol");

        HttpResponse<String> response =
                FuzzChecks.send(carol.session(), "PATCH", "/passkeys/credentials/" + carol.passkeyId(), body);

        if (response.statusCode() == 200 && wellFormedPatch(body)) {
            FuzzChecks.assertNothingInternal(response, edit);
            assertThat(carol.session()
                            .patch("/passkeys/credentials/" + carol.passkeyId(), HONEST_PATCH)
                            .statusCode())
                    .isEqualTo(200);
        } else {
            FuzzChecks.assertRefused(response, edit);
            assertThat(StoredRows.of(app.jdbc, "carol"))
                    .as(edit + ": stored rows")
                    .isEqualTo(before);
        }
        FuzzChecks.assertStillPasswordUser(carol.session(), "carol", edit);
    }

    @Property(tries = 20)
    void optionsWhateverTheBody(@ForAll("jsonEdits") JsonEdits.Edit edit, @ForAll boolean signIn) {
        FuzzApp app = app();
        Carol carol = carol(app);
        byte[] body =
                edit.apply(JsonEdits.JSON.readTree("{\"username\": \"carol\", \"userVerification\": \"required\"}"));
        HttpSession session = signIn ? app.browser() : carol.session();
        StoredRows before = StoredRows.of(app.jdbc, "carol");

        HttpResponse<String> response = FuzzChecks.send(
                session, "POST", signIn ? "/passkeys/authentication/options" : "/passkeys/registration/options", body);

        if (response.statusCode() == 200) {
            FuzzChecks.assertNothingInternal(response, edit);
            assertThat(HttpSession.json(response).path("challenge").asString()).isNotBlank();
        } else {
            FuzzChecks.assertRefused(response, edit);
        }
        assertThat(StoredRows.of(app.jdbc, "carol")).as(edit + ": stored rows").isEqualTo(before);
        if (signIn) {
            FuzzChecks.assertAnonymous(session, edit);
        } else {
            FuzzChecks.assertStillPasswordUser(session, "carol", edit);
        }
    }

    @Property(tries = 20)
    void oddIdsAreNoPasskey(@ForAll("ids") String id, @ForAll("methods") String method) {
        FuzzApp app = app();
        Carol carol = carol(app);
        StoredRows before = StoredRows.of(app.jdbc, "carol");
        String what = method + " " + id;

        HttpResponse<String> response = FuzzChecks.send(
                carol.session(),
                method,
                "/passkeys/credentials/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                method.equals("PATCH") ? HONEST_PATCH.getBytes(StandardCharsets.UTF_8) : new byte[0]);

        FuzzChecks.assertRefused(response, what);
        assertThat(StoredRows.of(app.jdbc, "carol")).as(what + ": stored rows").isEqualTo(before);
    }

    @Provide
    Arbitrary<JsonEdits.Edit> jsonEdits() {
        return JsonEdits.any();
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                        Arbitraries.strings()
                                .withChars("ABCXYZabcxyz019-_~.=+")
                                .ofMinLength(1)
                                .ofMaxLength(200),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40))
                // NUL, '/' and '\\' encoded are refused by Tomcat itself, with its own HTML page
                // (MalformedRequestsTest).
                .filter(id -> !id.equals(".") && !id.equals("..") && !id.matches("(?s).*[\\x00/\\\\].*"));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "DELETE", "PATCH");
    }

    /** What the endpoint accepts: an object with a string name and/or a boolean enabled. */
    private static boolean wellFormedPatch(byte[] body) {
        JsonNode root = FuzzChecks.tree(body);
        if (root == null || !root.isObject()) {
            return false;
        }
        JsonNode name = root.get("name");
        JsonNode enabled = root.get("enabled");
        return (name != null || enabled != null)
                && (name == null || name.isString())
                && (enabled == null || enabled.isBoolean());
    }

    private static Carol carol(FuzzApp app) {
        return CAROL.computeIfAbsent(app, a -> {
            HttpSession session = a.signedIn("carol", "carol-password");
            String id = PasskeyEndpointsTest.register(session, new SoftwareAuthenticator(), HONEST_PATCH)
                    .path("id")
                    .asString();
            return new Carol(session, id);
        });
    }
}
