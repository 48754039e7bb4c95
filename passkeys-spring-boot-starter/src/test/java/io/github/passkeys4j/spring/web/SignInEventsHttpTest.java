package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * an app that counts failed sign-ins (lockout) with Spring Security's authentication events and with its own
 * {@link AuthenticationEventPublisher} bean. Does a passkey sign-in publish what a form login publishes?
 */
@SpringBootTest(
        classes = SignInEventsHttpTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:shape-events;DB_CLOSE_DELAY=-1")
class SignInEventsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Recorder recorder;

    @BeforeEach
    void clear() {
        recorder.events.clear();
        recorder.publisherCalls.clear();
        recorder.userStoreFailure.set(null);
    }

    @Test
    void aWrongPasswordIsHeardByBothListenerAndPublisher() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> refused = browser.signInWithPassword("alice", "wrong");
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(recorder.events).contains("AuthenticationFailureBadCredentialsEvent(alice)");
        assertThat(recorder.publisherCalls).contains("failure BadCredentialsException (alice)");
    }

    @Test
    void aFormLoginSuccessIsHeardByBothListenerAndPublisher() {
        HttpSession browser = new HttpSession(port);
        browser.signInWithPassword("alice", "alice-password");
        assertThat(recorder.events).contains("AuthenticationSuccessEvent(alice)");
        assertThat(recorder.publisherCalls).contains("success (alice)");
    }

    @Test
    void aPasskeySuccessIsHeardByBothListenerAndPublisher() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        clear();
        HttpResponse<String> ok = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(recorder.events).contains("AuthenticationSuccessEvent(alice)");
        assertThat(recorder.publisherCalls)
                .as("the app's AuthenticationEventPublisher bean")
                .contains("success (alice)");
    }

    @Test
    void aPasskeyWithABadSignatureIsHeardAsAFailedSignIn() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        clear();
        HttpResponse<String> refused = signIn(new HttpSession(port), authenticator, new Tamper().corruptSignature());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(recorder.events)
                .as("a Spring Security AbstractAuthenticationFailureEvent for a bad passkey signature")
                .anySatisfy(e -> assertThat(e).startsWith("AuthenticationFailureBadCredentialsEvent"));
        assertThat(recorder.publisherCalls)
                .as("the app's AuthenticationEventPublisher bean told of the failure")
                .anySatisfy(e -> assertThat(e).startsWith("failure BadCredentialsException"));
    }

    /**
     * The app's user store fails after the passkey is found: as a form login's DaoAuthenticationProvider does, an
     * InternalAuthenticationServiceException that the app's publisher hears; the client gets a problem without the
     * failure's text, 503 for an outage, and the passkey works once the store does.
     */
    @Test
    void aFailingUserStoreIsAServiceFailureNotAWrongPasskey() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        clear();
        recorder.userStoreFailure.set(new IllegalStateException("users table corrupted"));
        HttpResponse<String> broken = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(500);
        assertThat(broken.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(broken.body()).doesNotContain("corrupted", "\tat ", "Exception");
        assertThat(recorder.publisherCalls)
                .anySatisfy(e -> assertThat(e).startsWith("failure InternalAuthenticationServiceException"));
        // What a form login with the same failing store tells the app's publisher.
        new HttpSession(port).signInWithPassword("alice", "alice-password");
        assertThat(recorder.publisherCalls).contains("failure InternalAuthenticationServiceException (alice)");

        recorder.userStoreFailure.set(new CannotGetJdbcConnectionException("users database down"));
        HttpResponse<String> outage = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(outage.statusCode()).as(outage.body()).isEqualTo(503);
        assertThat(outage.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(outage).path("reason").asString()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(outage.body()).doesNotContain("users database down");

        recorder.userStoreFailure.set(null);
        HttpResponse<String> ok = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    private SoftwareAuthenticator alicesPasskey() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, authenticator, "{}");
        return authenticator;
    }

    static class Recorder {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> publisherCalls = new CopyOnWriteArrayList<>();
        final AtomicReference<RuntimeException> userStoreFailure = new AtomicReference<>();

        @EventListener
        void on(AbstractAuthenticationEvent event) {
            events.add(event.getClass().getSimpleName() + "("
                    + event.getAuthentication().getName() + ")");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        /** The app's own publisher: a lockout counter would sit here. */
        @Bean
        AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events, Recorder recorder) {
            DefaultAuthenticationEventPublisher delegate = new DefaultAuthenticationEventPublisher(events);
            return new AuthenticationEventPublisher() {
                @Override
                public void publishAuthenticationSuccess(Authentication authentication) {
                    recorder.publisherCalls.add("success (" + authentication.getName() + ")");
                    delegate.publishAuthenticationSuccess(authentication);
                }

                @Override
                public void publishAuthenticationFailure(
                        AuthenticationException exception, Authentication authentication) {
                    recorder.publisherCalls.add(
                            "failure " + exception.getClass().getSimpleName() + " (" + authentication.getName() + ")");
                    delegate.publishAuthenticationFailure(exception, authentication);
                }
            };
        }

        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users(Recorder recorder) {
            UserDetailsService users = SmallApps.users("alice");
            return username -> {
                RuntimeException failure = recorder.userStoreFailure.get();
                if (failure != null) {
                    throw failure;
                }
                return users.loadUserByUsername(username);
            };
        }
    }
}
