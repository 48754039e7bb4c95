package io.github.passkeys4j.sample.e2e;

import io.github.passkeys4j.sample.SampleHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (g) Revoking a passkey ends the sessions it signed in: the browser signs in with passkey A; in another session
 * (an HTTP client signed in with the password) the same user deletes or disables A; the browser's next page is the
 * login page.
 */
class RevokedPasskeySessionTest extends BrowserTest {

    @Test
    void deletingThePasskeySignsOutItsSession() {
        String username = signedInWithPasskey();
        SampleHttp other = new SampleHttp(port).signedIn(username, PASSWORD);
        String id = onlyPasskeyId(other);

        HttpResponse<String> deleted = other.json("DELETE", "/passkeys/credentials/" + id, null, "/");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        assertSignedOut();
        assertThat(other.get("/").statusCode())
                .as("the password session goes on")
                .isEqualTo(200);
    }

    @Test
    void disablingThePasskeySignsOutItsSession() {
        String username = signedInWithPasskey();
        SampleHttp other = new SampleHttp(port).signedIn(username, PASSWORD);
        String id = onlyPasskeyId(other);

        HttpResponse<String> disabled = other.json("PATCH", "/passkeys/credentials/" + id, "{\"enabled\": false}", "/");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        assertSignedOut();
        assertThat(other.get("/").statusCode())
                .as("the password session goes on")
                .isEqualTo(200);
    }

    /** A password account with passkey A; this browser then signs in with A. */
    private String signedInWithPasskey() {
        String username = unique("revoke");
        Pages.Signup.withPassword(browser, username, PASSWORD).signInWithPassword(username, PASSWORD);
        PasskeysPage.open(browser).addPasskey("Lost phone");
        Pages.Home home = Pages.Home.open(browser).signOut().signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        return username;
    }

    private String onlyPasskeyId(SampleHttp session) {
        HttpResponse<String> list = session.get("/passkeys/credentials");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode passkeys = SampleHttp.body(list);
        assertThat(passkeys).hasSize(1);
        String id = passkeys.get(0).path("id").asString();
        assertThat(StreamSupport.stream(passkeys.spliterator(), false)
                        .map(p -> p.path("id").asString()))
                .containsExactlyElementsOf(browser.credentialIds());
        return id;
    }

    private void assertSignedOut() {
        browser.get("/");
        assertThat(browser.path())
                .as("the browser signed in with the revoked passkey")
                .startsWith("/acme/login");
        Pages.Login.at(browser);
    }
}
