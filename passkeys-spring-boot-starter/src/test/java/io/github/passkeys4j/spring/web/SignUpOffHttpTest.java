package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app with only a UserDetailsService (and Boot's defaults) never asked for sign-up: the sign-up paths are not
 * opened, go through the app's rules like any other, and create nothing even for a signed-in user.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:signupoff;DB_CLOSE_DELAY=-1")
class SignUpOffHttpTest {

    @LocalServerPort
    int port;

    @Test
    void signUpIsOffUnlessTheAppAsksForIt() {
        String body = "{\"username\": \"newcomer\"}";
        HttpSession anonymous = new HttpSession(port);
        assertThat(anonymous.post("/passkeys/sign-up/options", body).statusCode())
                .as("the app's rules: sign in first")
                .isEqualTo(401);
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        var answer = alice.post("/passkeys/sign-up/options", body);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).path("reason").asString()).isEqualTo("NOT_FOUND");
    }
}
