package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.account.AccountDeletedEvent;
import io.github.passkeys4j.spring.account.UsernameChangedEvent;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys belong to an account, not to a name, over real HTTP on JDBC storage: an account deleted through the app's
 * {@code UserDetailsManager} or announced with {@link AccountDeletedEvent} takes its passkeys with it, a new owner of
 * the name gets none, a rename keeps them, and a sign-in refused for the account records nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:accounts;DB_CLOSE_DELAY=-1")
class AccountLifecycleHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Autowired
    PasskeyRepository passkeyRepository;

    @Autowired
    UserDetailsManager userDetailsManager;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void anAccountDeletedThroughTheUserDetailsManagerTakesItsPasskeysAndTheNextOwnerOfTheNameGetsNone() {
        createUser("erin");
        SoftwareAuthenticator erinsPhone = new SoftwareAuthenticator();
        String id = register(signedIn("erin"), erinsPhone, "{}").path("id").asString();

        userDetailsManager.deleteUser("erin");

        assertThat(passkeyRepository.findByCredentialId(id)).isEmpty();
        assertThat(relyingParty.management().list("erin")).isEmpty();
        assertSignsInToNobody(erinsPhone);

        // Someone else signs up as erin: the old passkey signs in to nobody, the new account has no passkeys.
        createUser("erin");
        assertSignsInToNobody(erinsPhone);
        HttpSession newErin = signedIn("erin");
        assertThat(json(newErin.get("/passkeys/credentials"))).isEmpty();
        assertThat(json(newErin.get("/passkeys/signals")).path("allAcceptedCredentialIds"))
                .isEmpty();
    }

    @Test
    void anAccountDeletedTheAppsOwnWayIsForgottenOnItsEvent() {
        createUser("frank");
        SoftwareAuthenticator franksPhone = new SoftwareAuthenticator();
        HttpSession frank = signedIn("frank");
        String first = register(frank, franksPhone, "{}").path("id").asString();
        String second =
                register(frank, new SoftwareAuthenticator(), "{}").path("id").asString();

        publisher.publishEvent(new AccountDeletedEvent("frank"));

        assertThat(passkeyRepository.findByCredentialId(first)).isEmpty();
        assertThat(passkeyRepository.findByCredentialId(second)).isEmpty();
        assertThat(relyingParty.management().list("frank")).isEmpty();
        assertSignsInToNobody(franksPhone);
    }

    /** An app without an AccountIdResolver that puts its own numeric id in the event: its passkeys still go. */
    @Test
    void anEventWithAnIdThatIsNoAccountIdHereStillForgetsTheUsernamesAccount(CapturedOutput output) {
        createUser("gwen");
        SoftwareAuthenticator gwensPhone = new SoftwareAuthenticator();
        String id = register(signedIn("gwen"), gwensPhone, "{}").path("id").asString();

        publisher.publishEvent(new AccountDeletedEvent("gwen", "20"));

        assertThat(passkeyRepository.findByCredentialId(id)).isEmpty();
        assertSignsInToNobody(gwensPhone);
        assertThat(output)
                .contains("an AccountDeletedEvent gave account id 20 for username gwen, but without an"
                        + " AccountIdResolver bean account ids are usernames");
    }

    @Test
    void aRenamedAccountKeepsItsPasskeys() {
        createUser("gina");
        SoftwareAuthenticator ginasPhone = new SoftwareAuthenticator();
        String id = register(signedIn("gina"), ginasPhone, "{}").path("id").asString();

        // The app renames gina to regina (an in-memory UserDetailsManager can only create and delete).
        createUser("regina");
        publisher.publishEvent(new UsernameChangedEvent("gina", "regina"));
        userDetailsManager.deleteUser("gina");

        HttpSession session = new HttpSession(port);
        assertThat(signIn(session, ginasPhone, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(json(session.get("/whoami")).path("name").asString()).isEqualTo("regina");
        assertThat(json(session.get("/passkeys/credentials")).get(0).path("id").asString())
                .isEqualTo(id);
    }

    @Test
    void aSignInRefusedForItsAccountRecordsNoUse() {
        // carol's account is disabled by the app; her passkey was added before.
        SoftwareAuthenticator carolsKey = new SoftwareAuthenticator();
        String created = carolsKey.register(
                relyingParty.startRegistration(StartRegistration.forUser("carol")), "http://localhost:" + port);
        Passkey passkey = relyingParty.finishRegistration(FinishRegistration.of("carol", created));

        HttpResponse<String> refused = signIn(new HttpSession(port), carolsKey, new Tamper());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("ACCOUNT_UNAVAILABLE");
        Passkey after =
                passkeyRepository.findByCredentialId(passkey.credentialId()).orElseThrow();
        assertThat(after.lastUsedAt()).isNull();
        assertThat(after.signCount()).isEqualTo(passkey.signCount());
    }

    private void assertSignsInToNobody(SoftwareAuthenticator authenticator) {
        HttpSession session = new HttpSession(port);
        HttpResponse<String> refused = signIn(session, authenticator, new Tamper());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(session.get("/whoami").statusCode()).isNotEqualTo(200);
    }

    private void createUser(String username) {
        userDetailsManager.createUser(User.withUsername(username)
                .password("{noop}" + username + "-password")
                .roles("USER")
                .build());
    }

    private HttpSession signedIn(String username) {
        HttpSession session = new HttpSession(port);
        assertThat(session.signInWithPassword(username, username + "-password").statusCode())
                .isEqualTo(302);
        return session;
    }
}
