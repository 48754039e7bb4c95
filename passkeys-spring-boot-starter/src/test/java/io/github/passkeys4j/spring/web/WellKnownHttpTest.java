package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /.well-known/passkey-endpoints} and {@code /.well-known/webauthn} over real HTTP, signed out, in the test app
 * whose rules are {@code anyRequest().authenticated()}: served before those rules when configured, else the app's own
 * answer (a redirect to its login page).
 */
class WellKnownHttpTest {

    static void assertJsonCachedDocument(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    static void assertAppAnswered(HttpResponse<String> response, String loginPath) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(loginPath));
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wellknown-default;DB_CLOSE_DELAY=-1",
                "passkeys.related-origins=https://example.co.uk,https://example.de:8443"
            })
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void passkeyEndpointsPointAtThePasskeysPageForAnyone() {
            HttpResponse<String> response = new HttpSession(port).get("/.well-known/passkey-endpoints");
            assertJsonCachedDocument(response);
            JsonNode body = json(response);
            String page = "http://localhost:" + port + "/passkeys/manage";
            assertThat(body.propertyNames()).containsExactly("enroll", "manage");
            assertThat(body.path("enroll").asString()).isEqualTo(page);
            assertThat(body.path("manage").asString()).isEqualTo(page);
        }

        @Test
        void relatedOriginsAreListedAsSet() {
            HttpResponse<String> response = new HttpSession(port).get("/.well-known/webauthn");
            assertJsonCachedDocument(response);
            JsonNode body = json(response);
            assertThat(body.propertyNames()).containsExactly("origins");
            assertThat(body.path("origins").valueStream().map(JsonNode::asString))
                    .containsExactly("https://example.co.uk", "https://example.de:8443");
        }

        @Test
        void onlyTheExactPathsAndReadsAreAnswered() {
            HttpSession anonymous = new HttpSession(port);
            assertAppAnswered(anonymous.get("/.well-known/passkey-endpoints/x"), "/login");
            assertAppAnswered(anonymous.get("/.well-known/webauthn.json"), "/login");
            assertAppAnswered(anonymous.postWithoutCsrf("/.well-known/passkey-endpoints", "{}"), "/login");
        }
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wellknown-context;DB_CLOSE_DELAY=-1",
                "server.servlet.context-path=/app",
                "passkeys.well-known.enroll-url=/account/security",
                "passkeys.well-known.manage-url=https://id.example.com/passkeys"
            })
    class UnderAContextPathWithTheAppsOwnPages {

        @LocalServerPort
        int port;

        @Test
        void pathsAreResolvedUnderTheContextPathAndAbsoluteUrlsKept() {
            HttpResponse<String> response = new HttpSession(port, "/app").get("/.well-known/passkey-endpoints");
            assertJsonCachedDocument(response);
            JsonNode body = json(response);
            assertThat(body.path("enroll").asString()).isEqualTo("http://localhost:" + port + "/app/account/security");
            assertThat(body.path("manage").asString()).isEqualTo("https://id.example.com/passkeys");
        }

        @Test
        void withoutRelatedOriginsWebauthnIsTheAppsToAnswer() {
            assertAppAnswered(new HttpSession(port, "/app").get("/.well-known/webauthn"), "/app/login");
        }
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wellknown-off;DB_CLOSE_DELAY=-1",
                "passkeys.well-known.enabled=false"
            })
    class TurnedOff {

        @LocalServerPort
        int port;

        @Test
        void bothGoThroughTheAppsRules() {
            HttpSession anonymous = new HttpSession(port);
            for (String path : List.of("/.well-known/passkey-endpoints", "/.well-known/webauthn")) {
                assertAppAnswered(anonymous.get(path), "/login");
            }
        }
    }
}
