package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.security.PasskeyAuthenticationException;
import io.github.passkeys4j.spring.security.PasskeySignInHandlers;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.JSON;
import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** An app that is not server-rendered answers passkey sign-in its own way, through a PasskeySignInHandlers bean. */
@SpringBootTest(
        classes = {TestApplication.class, SignInHandlersTest.TokenHandlers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:handlers;DB_CLOSE_DELAY=-1")
class SignInHandlersTest {

    @LocalServerPort
    int port;

    @Test
    void theAppsHandlersAnswerSuccessAndFailure() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, authenticator, "{}");

        HttpSession app = new HttpSession(port);
        HttpResponse<String> success = signIn(app, authenticator, new Tamper());
        assertThat(success.statusCode()).isEqualTo(200);
        JsonNode token = json(success);
        assertThat(token.path("token").asString()).isEqualTo("token-for-alice");
        assertThat(token.has("redirectUrl")).isFalse();
        // The handler only shapes the answer: the session is still signed in, as with the default.
        assertThat(json(app.get("/whoami")).path("name").asString()).isEqualTo("alice");

        HttpResponse<String> failure = signIn(new HttpSession(port), authenticator, new Tamper().corruptSignature());
        assertThat(failure.statusCode()).isEqualTo(401);
        assertThat(json(failure).path("error").asString()).isEqualTo("BAD_SIGNATURE");

        // A response naming another account than the passkey's reaches the app's handler as an unknown passkey, as
        // the starter's own answer has it: told apart, it would show which credential IDs (and usernames) are real.
        HttpResponse<String> otherAccount =
                signIn(new HttpSession(port), authenticator, new Tamper().userHandle("c29tZW9uZS1lbHNl"));
        assertThat(otherAccount.statusCode()).isEqualTo(401);
        assertThat(json(otherAccount).path("error").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
    }

    /** Hands a token to a single-page or mobile app instead of a redirect URL. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TokenHandlers {
        @Bean
        PasskeySignInHandlers passkeySignInHandlers() {
            return PasskeySignInHandlers.success((request, response, authentication) -> {
                        response.setContentType("application/json");
                        JSON.writeValue(
                                response.getOutputStream(), Map.of("token", "token-for-" + authentication.getName()));
                    })
                    .withFailure((request, response, exception) -> {
                        response.setStatus(401);
                        response.setContentType("application/json");
                        String reason = exception instanceof PasskeyAuthenticationException passkey
                                ? passkey.getPasskeyException().reason().name()
                                : "ACCOUNT_UNAVAILABLE";
                        JSON.writeValue(response.getOutputStream(), Map.of("error", reason));
                    });
        }
    }
}
