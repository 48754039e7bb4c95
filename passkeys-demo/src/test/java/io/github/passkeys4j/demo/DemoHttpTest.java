package io.github.passkeys4j.demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo over real HTTP with the JDK client: {@code /me}, sign-up validation, password sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    DemoHttp http;

    @BeforeEach
    void newClient() {
        http = new DemoHttp(port);
    }

    @Test
    void meIsA401ProblemWhenSignedOut() {
        HttpResponse<String> me = get("/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = JsonParserFactory.getJsonParser().parseMap(me.body());
        assertThat(problem).containsEntry("title", "Not signed in");
        assertThat(((Number) problem.get("status")).intValue()).isEqualTo(401);
        assertThat(me.body()).doesNotContain("Exception");
    }

    @Test
    void aGermanBrowserGetsTheFormAndItsErrorsInGermanAndAFrenchOneInEnglish() {
        http.language("de-DE,de;q=0.9,en;q=0.5");
        HttpResponse<String> response = postForm("/signup", Map.of("username", "ab", "password", "short"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("<html lang=\"de\">", "<h1>Konto erstellen</h1>", "<title>Konto erstellen · Passkeys-Demo")
                .contains("Verwenden Sie 3 bis 64 Zeichen", "Verwenden Sie mindestens 8 Zeichen.")
                .doesNotContain("Use 3 to 64", "Create an account");

        http.language("fr-FR,fr;q=0.9");
        assertThat(get("/login").body())
                .as("a language without a bundle: English, whatever the server's locale")
                .contains("<html lang=\"en\">", "<h1>Sign in</h1>")
                .contains("Sign in with a passkey");
    }

    @Test
    void signupRejectsAShortOrOddUsernameAndAShortPassword() {
        HttpResponse<String> response = postForm("/signup", Map.of("username", "ab", "password", "short"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Use 3 to 64 characters: letters, digits, dot, underscore or hyphen.")
                .contains("Use at least 8 characters.")
                .doesNotContain("value=\"short\"");

        response = postForm("/signup", Map.of("username", "no spaces please", "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Use 3 to 64 characters").doesNotContain("Use at least 8");

        response = postForm("/signup", Map.of("username", "a".repeat(65), "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void signupRefusesATakenUsername() {
        String username = uniqueUsername();
        HttpResponse<String> created = postForm("/signup", Map.of("username", username, "password", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signedUp"));

        HttpResponse<String> again = postForm("/signup", Map.of("username", username, "password", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("That username is taken.");
    }

    @Test
    void signupWithoutTheCsrfTokenIsForbidden() {
        HttpResponse<String> response =
                http.postFormAsIs("/signup", Map.of("username", uniqueUsername(), "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void passwordSignInThenMeSaysPassword() {
        String username = uniqueUsername();
        assertThat(postForm("/signup", Map.of("username", username, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> wrong = postForm("/login", Map.of("username", username, "password", "not the one"));
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));

        HttpResponse<String> signedIn = postForm("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        HttpResponse<String> me = get("/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JsonParserFactory.getJsonParser().parseMap(me.body()))
                .isEqualTo(Map.of("username", username, "authenticatedWith", "password"));

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"whoami\">" + username + "<").contains("id=\"how\">password<");
    }

    private HttpResponse<String> get(String path) {
        return http.get(path);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return http.postForm(path, fields);
    }

    private static String uniqueUsername() {
        return "http-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
