package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** A session of a deleted account adds a passkey that then signs in to the next owner of the name. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:stale;DB_CLOSE_DELAY=-1")
class StaleSessionTakeoverTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager userDetailsManager;

    @Test
    void aSessionOfADeletedAccountCannotAddAPasskeyToTheNextOwnerOfItsName() {
        create("mallory");
        HttpSession oldMallory = new HttpSession(port);
        assertThat(oldMallory.signInWithPassword("mallory", "pw-old").statusCode())
                .isEqualTo(302);

        userDetailsManager.deleteUser("mallory"); // the account is deleted (by its owner or an admin)
        create("mallory"); // someone else signs up with the free name

        // The old session is still signed in, but it predates the account that now has the name: it may not add a
        // passkey (which would sign in to the new owner) nor see or change the new owner's passkeys.
        assertThat(oldMallory.post("/passkeys/registration/options", "{}").statusCode())
                .isEqualTo(401);
        assertThat(oldMallory.get("/passkeys/credentials").statusCode()).isEqualTo(401);

        HttpSession newMallory = new HttpSession(port);
        assertThat(newMallory.signInWithPassword("mallory", "pw-old").statusCode())
                .isEqualTo(302);
        SoftwareAuthenticator newOwnersKey = new SoftwareAuthenticator();
        String id = register(newMallory, newOwnersKey, "{}").path("id").asString();
        assertThat(json(oldMallory.get("/passkeys/credentials")).toString()).doesNotContain(id);
        assertThat(signIn(new HttpSession(port), newOwnersKey, new Tamper()).statusCode())
                .isEqualTo(200);
    }

    private void create(String name) {
        userDetailsManager.createUser(
                User.withUsername(name).password("{noop}pw-old").roles("USER").build());
    }
}
