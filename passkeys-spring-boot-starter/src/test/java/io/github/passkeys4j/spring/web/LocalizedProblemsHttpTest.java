package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two voices for every refusal, over real HTTP: {@code detail} stays the developer's (English, technical, in the log),
 * {@code message} is the user's, in the language of {@code Accept-Language}. Also the client's texts
 * ({@code GET /passkeys/messages}) and the passkeys page in German.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:localized;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class LocalizedProblemsHttpTest {

    static final String REMOVED_EN =
            "This passkey was removed from your account. Choose another one or sign in with your password.";
    static final String REMOVED_DE = "Dieser Passkey wurde aus Ihrem Konto entfernt. Wählen Sie einen anderen oder"
            + " melden Sie sich mit Ihrem Passwort an.";
    static final String REMOVED_FR = "Cette clé d'accès a été retirée de votre compte. Choisissez-en une autre ou"
            + " connectez-vous avec votre mot de passe.";
    static final String REMOVED_ES =
            "Esta llave de acceso se quitó de su cuenta. Elija otra o inicie sesión con su contraseña.";

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Test
    void aRemovedPasskeyIsExplainedToTheUserInTheirLanguageAndToTheDeveloperInDetail(CapturedOutput log) {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        register(signedIn(new HttpSession(port)), phone, "{}");
        Map<String, String> expected = Map.of(
                "en-GB,en;q=0.8", REMOVED_EN,
                "de-DE,de;q=0.9,en;q=0.5", REMOVED_DE,
                "fr-FR,fr;q=0.9,en;q=0.5", REMOVED_FR,
                "es-ES,es;q=0.9", REMOVED_ES);
        expected.forEach((language, message) -> {
            HttpSession browser = new HttpSession(port).language(language);
            JsonNode problem = json(signIn(browser, phone, new Tamper().credentialId("AAAAAAAAAAAAAAAAAAAAAA")));
            assertThat(problem.path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
            assertThat(problem.path("message").asString()).isEqualTo(message);
            assertThat(problem.path("detail").asString())
                    .isEqualTo("This passkey is not registered here (it may have been deleted).");
        });
        assertThat(log.getOut())
                .contains(
                        "refused POST /passkeys/authentication: 401 UNKNOWN_CREDENTIAL - This passkey is not registered");
    }

    @Test
    void everyKindOfRefusalHasPlainWordsInEnglishAndGerman() {
        Map<String, Function<HttpSession, HttpResponse<String>>> refusals = Map.of(
                "BAD_SIGNATURE", this::badSignature,
                "SIGN_IN_REQUIRED", s -> s.post("/passkeys/registration/options", "{}"),
                "CSRF_TOKEN_INVALID", s -> s.postWithoutCsrf("/passkeys/authentication/options", "{}"),
                "MALFORMED_REQUEST", s -> signedIn(s).post("/passkeys/registration", "{not json"),
                "PASSKEY_NOT_FOUND", s -> signedIn(s).delete("/passkeys/credentials/nope"),
                "METHOD_NOT_ALLOWED", s -> signedIn(s).get("/passkeys/registration/options"),
                "ACCOUNT_UNAVAILABLE", this::disabledAccount);
        refusals.forEach((reason, refuse) -> {
            JsonNode english = json(refuse.apply(new HttpSession(port).language("en-US")));
            JsonNode german = json(refuse.apply(new HttpSession(port).language("de")));
            assertThat(english.path("reason").asString()).as(reason).isEqualTo(reason);
            assertThat(german.path("reason").asString()).as(reason).isEqualTo(reason);
            String en = english.path("message").asString();
            String de = german.path("message").asString();
            assertThat(en)
                    .as(reason)
                    .isNotBlank()
                    .isNotEqualTo(de)
                    .isNotEqualTo(english.path("detail").asString());
            assertThat(de).as(reason).isNotBlank();
            // One voice per audience: the developer's detail is the same whatever the user's language.
            assertThat(german.path("detail").asString())
                    .as(reason)
                    .isEqualTo(english.path("detail").asString());
            for (String technical : new String[] {"CSRF", "HTTP", "ceremony", "setting", "JSON", "credential"}) {
                assertThat(en).as(reason).doesNotContainIgnoringCase(technical);
                assertThat(de).as(reason).doesNotContainIgnoringCase(technical);
            }
        });
    }

    @Test
    void aLanguageWithoutTextsGetsEnglish() {
        HttpSession italian = new HttpSession(port).language("it-IT,it;q=0.9");
        assertThat(json(italian.post("/passkeys/registration/options", "{}"))
                        .path("message")
                        .asString())
                .isEqualTo("Please sign in first: you are not signed in, or your session has ended.");
        assertThat(json(italian.get("/passkeys/messages")).path("language").asString())
                .isEqualTo("en");
    }

    @Test
    void frenchAndSpanishBrowsersGetTheirOwnWords() {
        Map<String, String> signInFirst = Map.of(
                "fr-CA,fr;q=0.9",
                "Veuillez d'abord vous connecter\u00a0: vous n'êtes pas connecté, ou votre session a pris fin.",
                "es-MX,es;q=0.9",
                "Primero inicie sesión: no ha iniciado sesión o su sesión ha terminado.");
        signInFirst.forEach((language, message) -> {
            HttpSession browser = new HttpSession(port).language(language);
            JsonNode problem = json(browser.post("/passkeys/registration/options", "{}"));
            assertThat(problem.path("reason").asString()).isEqualTo("SIGN_IN_REQUIRED");
            assertThat(problem.path("message").asString()).as(language).isEqualTo(message);
            assertThat(problem.path("detail").asString()).as(language).doesNotContain(message);
        });
        JsonNode french = json(new HttpSession(port).language("fr-FR").get("/passkeys/messages"));
        assertThat(french.path("language").asString()).isEqualTo("fr");
        assertThat(french.path("texts").path("manage.add").asString()).isEqualTo("Ajouter une clé d'accès");
        JsonNode spanish = json(new HttpSession(port).language("es").get("/passkeys/messages"));
        assertThat(spanish.path("language").asString()).isEqualTo("es");
        assertThat(spanish.path("texts").path("manage.add").asString()).isEqualTo("Añadir una llave de acceso");
    }

    @Test
    void theClientsTextsFollowTheLanguageAndRevalidate() {
        HttpSession browser = new HttpSession(port).language("de-DE");
        HttpResponse<String> german = browser.get("/passkeys/messages");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.headers().firstValue("Vary")).hasValue("Accept-Language");
        assertThat(german.headers().firstValue("Cache-Control")).hasValue("no-cache");
        JsonNode texts = json(german);
        assertThat(texts.path("language").asString()).isEqualTo("de");
        assertThat(texts.path("texts").path("manage.add").asString()).isEqualTo("Passkey hinzufügen");
        assertThat(texts.path("texts").path("error.cancelled").asString()).startsWith("Die Passkey-Anfrage");
        assertThat(texts.path("texts").has("passkeys.problem.GENERIC")).isFalse();

        String etag = german.headers().firstValue("ETag").orElseThrow();
        HttpRequest.Builder again = HttpRequest.newBuilder(URI.create(browser.url("/passkeys/messages")))
                .header("If-None-Match", etag);
        assertThat(browser.send(again).statusCode()).isEqualTo(304);
        HttpResponse<String> english = browser.language("en").send(again);
        assertThat(english.statusCode()).as("another language, another ETag").isEqualTo(200);
        assertThat(json(english).path("texts").path("manage.add").asString()).isEqualTo("Add a passkey");
    }

    @Test
    void thePasskeysPageIsInTheUsersLanguage() {
        HttpSession alice = new HttpSession(port).language("de-CH,de;q=0.9");
        alice.signInWithPassword("alice", "alice-password");
        String page = alice.get("/passkeys/manage").body();
        assertThat(page)
                .contains(
                        "<html lang=\"de\">",
                        "<title>Ihre Passkeys</title>",
                        "Angemeldet als <strong>alice</strong>.",
                        "Zurück",
                        "\"manage.add\":\"Passkey hinzufügen\"")
                .doesNotContain("Your passkeys", "{{");
        HttpSession bob = new HttpSession(port).language("en-US");
        bob.signInWithPassword("bob", "bob-password");
        assertThat(bob.get("/passkeys/manage").body())
                .contains("<html lang=\"en\">", "<title>Your passkeys</title>", "\"manage.add\":\"Add a passkey\"")
                .doesNotContain("Ihre Passkeys");
        HttpSession french = new HttpSession(port).language("fr-FR,fr;q=0.9");
        french.signInWithPassword("alice", "alice-password");
        assertThat(french.get("/passkeys/manage").body())
                .contains(
                        "<html lang=\"fr\">",
                        "<title>Vos clés d&#39;accès</title>",
                        "Connecté en tant que <strong>alice</strong>.",
                        "\"manage.add\":\"Ajouter une clé d'accès\"")
                .doesNotContain("Your passkeys", "{{");
    }

    private HttpResponse<String> badSignature(HttpSession session) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        register(bob, authenticator, "{}");
        return signIn(session, authenticator, new Tamper().corruptSignature());
    }

    private HttpResponse<String> disabledAccount(HttpSession session) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String created = authenticator.register(
                relyingParty.startRegistration(StartRegistration.forUser("carol")), session.origin());
        relyingParty.finishRegistration(FinishRegistration.of("carol", created));
        return signIn(session, authenticator, new Tamper());
    }

    private static HttpSession signedIn(HttpSession session) {
        session.signInWithPassword("alice", "alice-password");
        return session;
    }
}
