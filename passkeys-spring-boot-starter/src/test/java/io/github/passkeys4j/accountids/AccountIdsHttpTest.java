package io.github.passkeys4j.accountids;

import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an {@code AccountIdResolver}, passkeys stay with their account even when the app deletes or renames accounts
 * without a word to the starter: the old passkey of a deleted account signs in to nobody once its name is taken again,
 * and a renamed account's passkey still signs in to it. Real HTTP, JDBC storage on H2.
 */
@SpringBootTest(
        classes = AccountIdsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:accountids;DB_CLOSE_DELAY=-1")
class AccountIdsHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountIdsTestApplication.Accounts accounts;

    @Autowired
    PasskeyRepository passkeyRepository;

    @Test
    void aDeletedAccountsPasskeySignsInToNobodyAfterItsNameIsTakenAgain() {
        accounts.signUp("ivy", "first-password");
        Client oldIvy = new Client().signInWithPassword("ivy", "first-password");
        SoftwareAuthenticator oldPhone = new SoftwareAuthenticator();
        String oldId = oldIvy.register(oldPhone).path("id").asString();

        accounts.delete("ivy"); // the app's own code, no event
        accounts.signUp("ivy", "second-password");

        Client attacker = new Client();
        HttpResponse<String> refused = attacker.signIn(oldPhone);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("ACCOUNT_UNAVAILABLE");
        assertThat(attacker.get("/whoami").statusCode()).isNotEqualTo(200);

        Client newIvy = new Client().signInWithPassword("ivy", "second-password");
        assertThat(json(newIvy.get("/passkeys/credentials"))).isEmpty();
        // Her own first passkey gets a new user handle, not the old account's.
        SoftwareAuthenticator newPhone = new SoftwareAuthenticator();
        newIvy.register(newPhone);
        assertThat(json(newIvy.get("/passkeys/credentials")).toString()).doesNotContain(oldId);
        Client again = new Client();
        assertThat(again.signIn(newPhone).statusCode()).isEqualTo(200);
        assertThat(json(again.get("/whoami")).path("name").asString()).isEqualTo("ivy");
        assertThat(passkeyRepository.findByCredentialId(oldId).orElseThrow().lastUsedAt())
                .isNull();
    }

    @Test
    void aRenamedAccountIsFollowedByItsId() {
        accounts.signUp("jack", "jack-password");
        Client jack = new Client().signInWithPassword("jack", "jack-password");
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        String id = jack.register(phone).path("id").asString();

        accounts.rename("jack", "jacques"); // no event: the page visit below brings the new name
        Client jacques = new Client().signInWithPassword("jacques", "jack-password");
        assertThat(json(jacques.get("/passkeys/credentials")).get(0).path("id").asString())
                .isEqualTo(id);
        assertThat(json(jacques.get("/passkeys/signals")).path("name").asString())
                .isEqualTo("jacques");

        Client signedIn = new Client();
        assertThat(signedIn.signIn(phone).statusCode()).isEqualTo(200);
        assertThat(json(signedIn.get("/whoami")).path("name").asString()).isEqualTo("jacques");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A browser-like client: its own cookies, CSRF from /csrf. */
    private final class Client {
        private final String base = "http://localhost:" + port;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Client signInWithPassword(String username, String password) {
            JsonNode csrf = json(get("/csrf"));
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                    + enc(csrf.path("token").asString());
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }

        JsonNode register(SoftwareAuthenticator authenticator) {
            String options = post("/passkeys/registration/options", "{}").body();
            String credential = authenticator.register(SoftwareAuthenticator.creationOptions(options), base);
            HttpResponse<String> created = post("/passkeys/registration", "{\"credential\": " + credential + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return json(created);
        }

        HttpResponse<String> signIn(SoftwareAuthenticator authenticator) {
            String options = post("/passkeys/authentication/options", "{}").body();
            return post(
                    "/passkeys/authentication",
                    authenticator.authenticate(SoftwareAuthenticator.requestOptions(options), base, new Tamper()));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String body) {
            JsonNode csrf = json(get("/csrf"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header(csrf.path("header").asString(), csrf.path("token").asString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
