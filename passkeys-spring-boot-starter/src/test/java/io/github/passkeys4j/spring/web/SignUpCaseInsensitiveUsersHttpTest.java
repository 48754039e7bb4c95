package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.signupapp.SignUpTestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up in an app that finds its users whatever the case of the name ({@code LOWER(username) = LOWER(?)}) while
 * Spring's {@code userExists} compares exactly: "PAT" must not sign up beside "pat", for the new passkey would then
 * be stored under, and sign the stranger in as, pat's account.
 */
@SpringBootTest(
        classes = SignUpTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:signup-case;DB_CLOSE_DELAY=-1",
            "passkeys.sign-up.enabled=true",
            "signup-test.case-insensitive-lookup=true"
        })
class SignUpCaseInsensitiveUsersHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcUserDetailsManager users;

    private Map<String, Object> everything() {
        return Map.of(
                "passkeys",
                StoredRows.of(jdbc),
                "users",
                jdbc.queryForList("SELECT username, password FROM users ORDER BY username")
                        .toString());
    }

    private static String options(String username) {
        return "{\"username\": " + HttpSession.JSON.writeValueAsString(username) + "}";
    }

    @Test
    void anotherCaseOfAnExistingNameIsTakenAtTheOptions() {
        Map<String, Object> before = everything();
        HttpResponse<String> taken = new HttpSession(port).post("/passkeys/sign-up/options", options("PAT"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).path("reason").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void anAccountMadeMeanwhileUnderAnotherCaseIsNeverHandedTheNewPasskey() {
        HttpSession stranger = new HttpSession(port);
        HttpResponse<String> options = stranger.post("/passkeys/sign-up/options", options("Robin"));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        // Between the options and the finish, the app creates "robin" with a password (its own sign-up, an admin).
        users.createUser(User.withUsername("robin")
                .password("{noop}robin-password")
                .roles("USER")
                .build());
        Map<String, Object> before = everything();

        HttpResponse<String> finish = stranger.post(
                "/passkeys/sign-up",
                SignUpHttpTest.finishBody(new SoftwareAuthenticator(), options, stranger.origin(), new Tamper()));

        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(409);
        JsonNode problem = json(finish);
        assertThat(problem.path("reason").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(everything())
                .as("no user, no passkey, no account row written")
                .isEqualTo(before);
        assertThat(stranger.get("/whoami").statusCode())
                .as("not signed in as robin")
                .isEqualTo(302);
    }
}
