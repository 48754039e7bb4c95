package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.signupapp.SignUpTestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A passkey sign-up's sign-in goes through the app's own AuthenticationEventPublisher, as a passkey sign-in does. */
@SpringBootTest(
        classes = {SignUpTestApplication.class, SignUpEventsHttpTest.RecordingPublisher.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:signup-events;DB_CLOSE_DELAY=-1",
            "passkeys.sign-up.enabled=true"
        })
class SignUpEventsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    List<String> published;

    @Test
    void theAppsPublisherHearsTheNewAccountSignIn() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> options =
                browser.post("/passkeys/sign-up/options", "{\"username\": \"sam\", \"displayName\": \"Sam\"}");
        HttpResponse<String> created = browser.post(
                "/passkeys/sign-up",
                SignUpHttpTest.finishBody(new SoftwareAuthenticator(), options, browser.origin(), new Tamper()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(published).containsExactly("success sam");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingPublisher {
        @Bean
        List<String> published() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        AuthenticationEventPublisher authenticationEventPublisher(List<String> published) {
            return new AuthenticationEventPublisher() {
                @Override
                public void publishAuthenticationSuccess(Authentication authentication) {
                    published.add("success " + authentication.getName());
                }

                @Override
                public void publishAuthenticationFailure(
                        AuthenticationException exception, Authentication authentication) {
                    published.add("failure " + exception.getClass().getSimpleName());
                }
            };
        }
    }
}
