package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * An app that limits each user to one session ({@code sessionManagement().maximumSessions(1)}): a passkey sign-in
 * counts as a form login does. Either the oldest session ends, or, with {@code maxSessionsPreventsLogin}, the new
 * sign-in is refused with a problem that says so (not "your account cannot sign in"), a recovery code's too.
 */
class SessionLimitHttpTest {

    @Nested
    @SpringBootTest(
            classes = OneSessionApp.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:session-limit-expire;DB_CLOSE_DELAY=-1"})
    class TheOldestSessionEnds {

        @LocalServerPort
        int port;

        @Test
        void aPasskeySignInEndsTheSessionBeforeIt() {
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            HttpSession laptop = new HttpSession(port);
            laptop.signInWithPassword("alice", "alice-password");
            register(laptop, authenticator, "{}");
            assertThat(laptop.get("/hello").statusCode()).isEqualTo(200);

            HttpSession phone = new HttpSession(port);
            HttpResponse<String> signIn = signIn(phone, authenticator, new Tamper());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(phone.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");
            // The laptop's session is the oldest of two: it has ended (Spring's notice, then its login).
            assertThat(laptop.get("/hello").body()).contains("This session has been expired");
            assertThat(laptop.get("/hello").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    @SpringBootTest(
            classes = OneSessionApp.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:session-limit-prevent;DB_CLOSE_DELAY=-1",
                "test.max-sessions-prevents-login=true"
            })
    class ANewSignInIsRefused {

        @LocalServerPort
        int port;

        @Autowired
        RelyingParty relyingParty;

        @Test
        void aPasskeySignInOverTheLimitIsRefusedWithAProblemSayingSo() {
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            HttpSession laptop = new HttpSession(port);
            laptop.signInWithPassword("alice", "alice-password");
            register(laptop, authenticator, "{}");

            HttpSession phone = new HttpSession(port);
            HttpResponse<String> refused = signIn(phone, authenticator, new Tamper());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(refused).path("reason").asString()).isEqualTo("SESSION_LIMIT_REACHED");
            assertThat(json(refused).path("message").asString()).contains("signed in");
            assertThat(refused.body()).doesNotContain("Maximum sessions of", "\tat ");
            assertThat(phone.get("/hello").statusCode()).isNotEqualTo(200);
            // The first session goes on.
            assertThat(laptop.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");

            // A recovery code meets the same limit: the same problem, not a 500, and the code is not spent.
            String code = relyingParty.recoveryCodes().issue("alice").get(0);
            String recoveryBody = HttpSession.JSON.writeValueAsString(Map.of("username", "alice", "code", code));
            HttpResponse<String> recovery = phone.post("/passkeys/recovery", recoveryBody);
            assertThat(recovery.statusCode()).as(recovery.body()).isEqualTo(409);
            assertThat(json(recovery).path("reason").asString()).isEqualTo("SESSION_LIMIT_REACHED");
            assertThat(phone.get("/hello").statusCode()).isNotEqualTo(200);
            assertThat(relyingParty.recoveryCodes().remaining("alice")).isEqualTo(10);
            // Retried until the user gives up: a right code refused by the limit is no wrong try, so no lockout.
            for (int i = 0; i < 6; i++) {
                assertThat(phone.post("/passkeys/recovery", recoveryBody).statusCode())
                        .isEqualTo(409);
            }

            // Once the laptop signs out, the same code lets the phone in, once.
            laptop.post("/logout", "{}");
            HttpResponse<String> recovered = phone.post("/passkeys/recovery", recoveryBody);
            assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
            assertThat(json(recovered).path("codesLeft").asInt()).isEqualTo(9);
            assertThat(new HttpSession(port)
                            .post("/passkeys/recovery", recoveryBody)
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    /** One session per user; the second sign-in ends the first, or is refused ({@code test.max-sessions-…}). */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class OneSessionApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http, @Value("${test.max-sessions-prevents-login:false}") boolean prevents)
                throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .sessionManagement(s -> s.maximumSessions(1).maxSessionsPreventsLogin(prevents))
                    .build();
        }

        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }
    }
}
