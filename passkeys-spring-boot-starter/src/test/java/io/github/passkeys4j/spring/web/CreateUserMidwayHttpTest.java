package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Usernames as account ids (no AccountIdResolver), an account deleted without a word to the starter, and a new
 * account of the same name: the hooked {@code createUser} must clear the old account's passkeys before the new user
 * exists, or a sign-in with an old passkey in between lands in the new account (an adversarial two-node test won 16
 * of 640 such races).
 */
@SpringBootTest(
        classes = CreateUserMidwayHttpTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:create-midway;DB_CLOSE_DELAY=-1")
class CreateUserMidwayHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @AfterEach
    void reset() {
        Users.midway = null;
        Users.userExistsFails = false;
        users.deleteUser("erin");
        users.createUser(User.withUsername("erin")
                .password("{noop}erin-password")
                .roles("USER")
                .build());
    }

    private SoftwareAuthenticator erinsPasskeyThenErinDeletedQuietly() {
        SoftwareAuthenticator oldPhone = new SoftwareAuthenticator();
        HttpSession old = new HttpSession(port);
        old.signInWithPassword("erin", "erin-password");
        register(old, oldPhone, "{}");
        assertThat(signIn(new HttpSession(port), oldPhone, new Tamper()).statusCode())
                .as("the passkey works while its account is there")
                .isEqualTo(200);
        users.deleteWithoutTellingAnyone("erin");
        return oldPhone;
    }

    @Test
    void anOldPasskeyCannotSignInToTheNewAccountWhileItIsBeingCreated() {
        SoftwareAuthenticator oldPhone = erinsPasskeyThenErinDeletedQuietly();

        List<HttpResponse<String>> midway = new ArrayList<>();
        Users.midway = () -> midway.add(signIn(new HttpSession(port), oldPhone, new Tamper()));
        users.createUser(User.withUsername("erin")
                .password("{noop}new-erin-password")
                .roles("USER")
                .build());

        assertThat(midway).singleElement().satisfies(signIn -> {
            assertThat(signIn.statusCode())
                    .as("the old passkey, while the new erin is created: " + signIn.body())
                    .isEqualTo(401);
            assertThat(HttpSession.json(signIn).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
        });
        assertThat(signIn(new HttpSession(port), oldPhone, new Tamper()).statusCode())
                .isEqualTo(401);
    }

    /** A store that cannot say whether the name is taken: the old passkeys are cleared once the user is made. */
    @Test
    void withAUserExistsThatFailsTheOldPasskeysAreStillClearedAfterwards() {
        SoftwareAuthenticator oldPhone = erinsPasskeyThenErinDeletedQuietly();
        Users.userExistsFails = true;

        users.createUser(User.withUsername("erin")
                .password("{noop}new-erin-password")
                .roles("USER")
                .build());

        HttpResponse<String> old = signIn(new HttpSession(port), oldPhone, new Tamper());
        assertThat(old.statusCode()).as(old.body()).isEqualTo(401);
        assertThat(HttpSession.json(old).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
    }

    /** An in-memory user store that runs {@link #midway} right after it stored a new user. */
    static class Users extends InMemoryUserDetailsManager {
        // Static: the test holds the starter's proxy, while createUser runs on the bean behind it.
        static volatile Runnable midway;
        static volatile boolean userExistsFails;

        Users() {
            super(User.withUsername("erin")
                    .password("{noop}erin-password")
                    .roles("USER")
                    .build());
        }

        @Override
        public void createUser(UserDetails user) {
            super.createUser(user);
            if (midway != null) {
                midway.run();
            }
        }

        @Override
        public boolean userExists(String username) {
            if (userExistsFails) {
                // Once: the starter asks first; InMemoryUserDetailsManager.createUser asks again itself.
                userExistsFails = false;
                throw new UnsupportedOperationException("this store cannot tell");
            }
            return super.userExists(username);
        }

        /** As an app deleting the row itself: a call inside the bean, which the starter's hook does not see. */
        void deleteWithoutTellingAnyone(String username) {
            deleteUser(username);
        }
    }

    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        Users users() {
            return new Users();
        }
    }
}
