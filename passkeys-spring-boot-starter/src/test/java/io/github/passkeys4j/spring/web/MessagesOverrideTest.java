package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app overrides our texts with its own messages (Spring Boot's {@code spring.messages.basename}, here
 * {@code i18n/acme-messages}): a key it has wins, in the language it has it for; every other text stays ours.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:override;DB_CLOSE_DELAY=-1",
            "spring.messages.basename=i18n/acme-messages",
            "spring.messages.fallback-to-system-locale=false"
        })
class MessagesOverrideTest {

    @LocalServerPort
    int port;

    @Test
    void theAppsTextsWinOverOursKeyByKey() {
        HttpSession english = new HttpSession(port).language("en");
        assertThat(json(english.post("/passkeys/registration/options", "{}"))
                        .path("message")
                        .asString())
                .isEqualTo("Please sign in to Acme first.");
        JsonNode texts = json(english.get("/passkeys/messages")).path("texts");
        assertThat(texts.path("manage.add").asString()).isEqualTo("Create a passkey");
        assertThat(texts.path("manage.delete").asString()).as("not overridden").isEqualTo("Delete");

        HttpSession german = new HttpSession(port).language("de");
        assertThat(json(german.post("/passkeys/registration/options", "{}"))
                        .path("message")
                        .asString())
                .isEqualTo("Bitte melden Sie sich zuerst bei Acme an.");
        german.signInWithPassword("alice", "alice-password");
        assertThat(german.get("/passkeys/manage").body())
                .contains("<title>Meine Anmeldeschlüssel</title>", "<html lang=\"de\">", "Angemeldet als");
        assertThat(json(german.get("/passkeys/messages"))
                        .path("texts")
                        .path("manage.delete")
                        .asString())
                .isEqualTo("Löschen");
    }
}
