package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revoking a passkey ends the sessions it signed in, over real HTTP with independent cookie jars: the next request of
 * such a session is anonymous, so the app's rules send it to its login (302) and the JSON API answers 401.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:revocation;DB_CLOSE_DELAY=-1")
class PasskeyRevocationTest {

    @LocalServerPort
    int port;

    @Test
    void deletingAPasskeySignsOutTheSessionItOpened() {
        SoftwareAuthenticator laptop = new SoftwareAuthenticator();
        HttpSession settings = new HttpSession(port);
        settings.signInWithPassword("alice", "alice-password");
        String laptopId = register(settings, laptop, "{\"name\": \"Lost laptop\"}")
                .path("id")
                .asString();

        HttpSession thief = new HttpSession(port);
        assertThat(signIn(thief, laptop, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(json(thief.get("/whoami")).path("name").asString()).isEqualTo("alice");
        String thiefSession = thief.sessionId();

        assertThat(settings.delete("/passkeys/credentials/" + laptopId).statusCode())
                .isEqualTo(204);

        assertSignedOut(thief);
        assertThat(thief.sessionId()).isNotEqualTo(thiefSession);
        // The session that revoked it, signed in with a password, is untouched.
        assertThat(json(settings.get("/whoami")).path("name").asString()).isEqualTo("alice");
    }

    @Test
    void disablingAPasskeySignsOutTheSessionItOpenedButNotOthers() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        SoftwareAuthenticator laptop = new SoftwareAuthenticator();
        HttpSession setup = new HttpSession(port);
        setup.signInWithPassword("bob", "bob-password");
        String phoneId = register(setup, phone, "{}").path("id").asString();
        register(setup, laptop, "{}");

        HttpSession onPhone = new HttpSession(port);
        assertThat(signIn(onPhone, phone, new Tamper()).statusCode()).isEqualTo(200);
        HttpSession onLaptop = new HttpSession(port);
        assertThat(signIn(onLaptop, laptop, new Tamper()).statusCode()).isEqualTo(200);

        // Bob, signed in with his laptop's passkey, disables the phone's.
        assertThat(onLaptop.patch("/passkeys/credentials/" + phoneId, "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);

        assertSignedOut(onPhone);
        assertThat(json(onLaptop.get("/whoami")).path("type").asString()).isEqualTo("PasskeyAuthenticationToken");
        assertThat(onLaptop.get("/passkeys/credentials").statusCode()).isEqualTo(200);
    }

    private static void assertSignedOut(HttpSession session) {
        assertThat(session.get("/whoami").statusCode()).isEqualTo(302);
        assertThat(session.get("/passkeys/credentials").statusCode()).isEqualTo(401);
        // Adding a passkey is refused: signed out, and the old session's CSRF token went with it.
        int options = session.post("/passkeys/registration/options", "{}").statusCode();
        assertThat(options).isIn(401, 403);
    }
}
