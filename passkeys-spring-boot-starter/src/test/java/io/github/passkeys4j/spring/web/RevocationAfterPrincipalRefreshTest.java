package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** An app that refreshes its principal (as passkeys-sample's SessionSignIn.refresh does after a rename). */
@SpringBootTest(
        classes = {TestApplication.class, RevocationAfterPrincipalRefreshTest.Refresh.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:refresh;DB_CLOSE_DELAY=-1")
class RevocationAfterPrincipalRefreshTest {

    @RestController
    static class Refresh {
        @PostMapping("/refresh")
        String refresh(Authentication current, HttpServletRequest request, HttpServletResponse response) {
            SecurityContextImpl context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    current.getPrincipal(), null, current.getAuthorities()));
            SecurityContextHolder.setContext(context);
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
            return "ok";
        }

        /** As after the user renamed their account: the same session, the principal under its new name. */
        @PostMapping("/rename")
        String rename(Authentication current, HttpServletRequest request, HttpServletResponse response) {
            UserDetails renamed = User.withUserDetails((UserDetails) current.getPrincipal())
                    .username(current.getName() + "-renamed")
                    .build();
            SecurityContextImpl context = new SecurityContextImpl(
                    UsernamePasswordAuthenticationToken.authenticated(renamed, null, current.getAuthorities()));
            SecurityContextHolder.setContext(context);
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
            return "ok";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PasskeyRepository passkeyRepository;

    @Test
    void aRevokedPasskeyEndsItsSessionAlsoAfterTheAppRefreshedThePrincipal() {
        aRevokedPasskeyEndsItsSession(port, passkeyRepository, "/refresh");
    }

    /** A renamed session is still the passkey's: whoever holds a lost passkey cannot keep its session by a rename. */
    @Test
    void aRevokedPasskeyEndsItsSessionAlsoAfterARename() {
        aRevokedPasskeyEndsItsSession(port, passkeyRepository, "/rename");
    }

    /**
     * The app's token, then a step-up with another passkey of the same account: the session still ends with the
     * passkey it signed in with (a step-up by another account's passkey would forget it).
     */
    @Test
    void aRefreshedSessionSteppedUpWithAnotherOfItsPasskeysStillEndsWithItsOwn() {
        HttpSession settings = new HttpSession(port);
        settings.signInWithPassword("bob", "bob-password");
        SoftwareAuthenticator lostKey = new SoftwareAuthenticator();
        String lostId = register(settings, lostKey, "{}").path("id").asString();
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        register(settings, phone, "{}");

        HttpSession lost = new HttpSession(port);
        assertThat(signIn(lost, lostKey, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(lost.post("/refresh", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> up = PasskeyStepUpHttpTest.stepUp(lost, phone, new Tamper(), null);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(lost.get("/whoami").statusCode()).isEqualTo(200);

        passkeyRepository.delete(lostId);

        assertThat(lost.get("/whoami").statusCode())
                .as("the lost passkey's session must be signed out after a step-up with another passkey")
                .isNotEqualTo(200);
    }

    /**
     * A deleted passkey's credential ID registered again by another account (an attacker's authenticator chooses its
     * IDs): the session the deleted passkey opened still ends, and cannot add a passkey to the victim's account; also
     * when the app replaced the session's token (the account then comes from the session).
     */
    @Test
    void aDeletedPasskeysIdRegisteredAgainByAnotherAccountDoesNotKeepItsSession() {
        aDeletedPasskeysIdRegisteredAgainEndsItsSession(false);
    }

    @Test
    void aDeletedPasskeysIdRegisteredAgainDoesNotKeepARefreshedSession() {
        aDeletedPasskeysIdRegisteredAgainEndsItsSession(true);
    }

    private void aDeletedPasskeysIdRegisteredAgainEndsItsSession(boolean refreshed) {
        HttpSession victim = new HttpSession(port);
        victim.signInWithPassword("bob", "bob-password");
        SoftwareAuthenticator stolen = new SoftwareAuthenticator();
        String stolenId = register(victim, stolen, "{}").path("id").asString();

        HttpSession thief = new HttpSession(port);
        assertThat(signIn(thief, stolen, new Tamper()).statusCode()).isEqualTo(200);
        if (refreshed) {
            assertThat(thief.post("/refresh", "{}").statusCode()).isEqualTo(200);
        }
        assertThat(thief.get("/whoami").statusCode()).isEqualTo(200);
        assertThat(victim.delete("/passkeys/credentials/" + stolenId).statusCode())
                .isEqualTo(204);

        HttpSession accomplice = new HttpSession(port);
        accomplice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> options = accomplice.post("/passkeys/registration/options", "{}");
        String again = new SoftwareAuthenticator()
                .register(
                        SoftwareAuthenticator.creationOptions(options.body()),
                        accomplice.origin(),
                        new Tamper().credentialId(stolenId));
        assertThat(accomplice
                        .post("/passkeys/registration", "{\"credential\": " + again + "}")
                        .statusCode())
                .as("the ID is free once deleted")
                .isEqualTo(201);

        // The first request after it: adding a passkey to the victim's account is refused as signed out.
        assertThat(thief.post("/passkeys/registration/options", "{}").statusCode())
                .isEqualTo(401);
        assertThat(thief.get("/whoami").statusCode())
                .as("the deleted passkey's session must be signed out")
                .isNotEqualTo(200);
    }

    static void aRevokedPasskeyEndsItsSession(int port, PasskeyRepository passkeyRepository) {
        aRevokedPasskeyEndsItsSession(port, passkeyRepository, "/refresh");
    }

    static void aRevokedPasskeyEndsItsSession(int port, PasskeyRepository passkeyRepository, String refresh) {
        HttpSession password = new HttpSession(port);
        assertThat(password.signInWithPassword("bob", "bob-password").statusCode())
                .isEqualTo(302);
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        String id = register(password, key, "{}").path("id").asString();

        HttpSession lost = new HttpSession(port);
        assertThat(signIn(lost, key, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(lost.post(refresh, "{}").statusCode()).isEqualTo(200);
        assertThat(lost.get("/whoami").statusCode()).isEqualTo(200);
        // The page still knows it as this session's passkey, whose deletion signs out here (after a rename the account
        // is another until the app announces it: UsernameChangedEvent).
        if (refresh.equals("/refresh")) {
            JsonNode listed = HttpSession.json(lost.get("/passkeys/credentials/" + id));
            assertThat(listed.path("current").asBoolean()).as(listed.toString()).isTrue();
        }

        passkeyRepository.delete(id); // the owner deletes the lost passkey

        assertThat(lost.get("/whoami").statusCode())
                .as("the lost passkey's session must be signed out")
                .isNotEqualTo(200);
    }

    /** The same with the CSRF token in a cookie: the passkey sign-in is where the session begins. */
    @Nested
    @SpringBootTest(
            classes = {TestApplication.class, RevocationAfterPrincipalRefreshTest.Refresh.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:refresh-cookie;DB_CLOSE_DELAY=-1",
                "test-app.csrf-in-cookie=true"
            })
    class CsrfTokenInACookie {

        @LocalServerPort
        int port;

        @Autowired
        PasskeyRepository passkeyRepository;

        @Test
        void aRevokedPasskeyEndsItsSessionThatBeganWithTheSignIn() {
            aRevokedPasskeyEndsItsSession(port, passkeyRepository);
        }
    }
}
