package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code passkeys.upgrade.enabled=false}: no upgrade endpoints, so no ceremony can accept user presence false. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:upgradeoff;DB_CLOSE_DELAY=-1", "passkeys.upgrade.enabled=false"
        })
class PasskeyUpgradeDisabledHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theUpgradeEndpointsAreGoneAndEveryRegistrationRequiresUserPresence() {
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");

        HttpResponse<String> signal = bob.get("/passkeys/upgrade");
        HttpResponse<String> options = bob.post("/passkeys/upgrade/options", "{}");
        assertThat(signal.statusCode()).isEqualTo(404);
        assertThat(json(signal).path("reason").asString()).isEqualTo("NOT_FOUND");
        assertThat(options.statusCode()).isEqualTo(404);

        HttpResponse<String> normal = bob.post("/passkeys/registration/options", "{}");
        String credential = new SoftwareAuthenticator()
                .register(
                        SoftwareAuthenticator.creationOptions(normal.body()),
                        bob.origin(),
                        new Tamper().userPresent(false));
        HttpResponse<String> refused = bob.post("/passkeys/registration", "{\"credential\": " + credential + "}");
        assertThat(json(refused).path("reason").asString()).isEqualTo("USER_NOT_PRESENT");
    }
}
