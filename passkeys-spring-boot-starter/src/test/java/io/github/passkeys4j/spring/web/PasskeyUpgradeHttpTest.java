package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic passkey upgrade over real HTTP on H2: the signal the page reads ({@code GET /passkeys/upgrade}), and the
 * conditional options ({@code POST /passkeys/upgrade/options}) whose ceremony alone accepts a passkey made without
 * user presence (UP=0, as {@code mediation: "conditional"} allows). UP=0 comes from the test kit's software
 * authenticator with {@link Tamper#userPresent}; a browser's conditional create is in the demo's browser tests.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1")
class PasskeyUpgradeHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private int passkeyRows() {
        return jdbc.sql("select count(*) from passkeys_credential")
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> finish(HttpSession session, String optionsPath, Tamper tamper) {
        HttpResponse<String> options = session.post(optionsPath, "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String credential = new SoftwareAuthenticator()
                .register(SoftwareAuthenticator.creationOptions(options.body()), session.origin(), tamper);
        return session.post("/passkeys/registration", "{\"credential\": " + credential + "}");
    }

    @Test
    void afterAPasswordSignInThePageIsToldToOfferAPasskey() {
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");

        JsonNode upgrade = json(bob.get("/passkeys/upgrade"));

        assertThat(upgrade.path("signedInWith").asString()).isEqualTo("password");
        assertThat(upgrade.path("account").asString()).hasSize(16).doesNotContain("bob");
        assertThat(json(bob.get("/passkeys/upgrade")).path("account").asString())
                .isEqualTo(upgrade.path("account").asString());
    }

    @Test
    void theConditionalCeremonyAcceptsAPasskeyMadeWithoutUserPresence() {
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        assertThat(json(bob.get("/passkeys/upgrade")).path("hasPasskeys").asBoolean())
                .isFalse();

        HttpResponse<String> created = finish(bob, "/passkeys/upgrade/options", new Tamper().userPresent(false));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(bob.get("/passkeys/upgrade")).path("hasPasskeys").asBoolean())
                .isTrue();
    }

    @Test
    void theOrdinaryCeremonyStillRefusesAPasskeyMadeWithoutUserPresenceAndStoresNothing() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        int before = passkeyRows();

        HttpResponse<String> refused = finish(alice, "/passkeys/registration/options", new Tamper().userPresent(false));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("USER_NOT_PRESENT");
        assertThat(passkeyRows()).isEqualTo(before);
    }

    @Test
    void aPasskeySessionGetsNoConditionalOptions() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> options = alice.post("/passkeys/registration/options", "{}");
        String credential =
                phone.register(SoftwareAuthenticator.creationOptions(options.body()), alice.origin(), new Tamper());
        assertThat(alice.post("/passkeys/registration", "{\"credential\": " + credential + "}")
                        .statusCode())
                .isEqualTo(201);
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> signInOptions = browser.post("/passkeys/authentication/options", "{}");
        assertThat(browser.post(
                                "/passkeys/authentication",
                                phone.authenticate(
                                        SoftwareAuthenticator.requestOptions(signInOptions.body()),
                                        browser.origin(),
                                        new Tamper()))
                        .statusCode())
                .isEqualTo(200);

        assertThat(json(browser.get("/passkeys/upgrade")).path("signedInWith").asString())
                .isEqualTo("passkey");
        HttpResponse<String> refused = browser.post("/passkeys/upgrade/options", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("reason").asString()).isEqualTo("FORBIDDEN");
        assertThat(json(refused).path("message").asString()).isNotBlank();
    }

    @Test
    void signedOutCallsAreRefused() {
        HttpSession anonymous = new HttpSession(port);

        assertThat(anonymous.get("/passkeys/upgrade").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/passkeys/upgrade/options", "{}").statusCode())
                .isEqualTo(401);
    }
}
