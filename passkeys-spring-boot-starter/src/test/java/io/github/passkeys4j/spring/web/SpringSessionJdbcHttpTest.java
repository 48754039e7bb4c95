package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app whose HTTP sessions live in the database (Spring Session JDBC) beside the passkeys: a passkey sign-in is
 * stored in a serialized session row and read back on the next request.
 */
@SpringBootTest(
        classes = {TestApplication.class, SpringSessionJdbcHttpTest.JdbcSessions.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:springsession;DB_CLOSE_DELAY=-1",
            "spring.sql.init.schema-locations=classpath:org/springframework/session/jdbc/schema-h2.sql"
        })
class SpringSessionJdbcHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void passkeySignInSurvivesTheSessionRoundTripThroughTheDatabase() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        PasskeyEndpointsTest.register(alice, authenticator, "{\"name\": \"Laptop\"}");

        HttpSession browser = new HttpSession(port);
        browser.csrf();
        assertThat(PasskeyEndpointsTest.signIn(browser, authenticator, new Tamper())
                        .statusCode())
                .isEqualTo(200);

        JsonNode who = json(browser.get("/whoami"));
        assertThat(who.path("name").asString()).isEqualTo("alice");
        assertThat(who.path("type").asString()).isEqualTo("PasskeyAuthenticationToken");
        assertThat(who.path("authorities").toString()).contains("FACTOR_WEBAUTHN");
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = 'alice'", Integer.class))
                .isEqualTo(2);
    }

    /**
     * What the database keeps of a session holds no password hash: not after a password sign-in, a passkey sign-in or a
     * recovery-code sign-in (before, a recovery session kept the app's user with its password hash).
     */
    @Test
    void noStoredSessionHoldsThePasswordHash() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port);
        assertThat(bob.signInWithPassword("bob", "bob-password").statusCode()).isEqualTo(302);
        PasskeyEndpointsTest.register(bob, authenticator, "{\"name\": \"Laptop\"}");
        List<String> codes = json(bob.post("/passkeys/recovery-codes", "{}"))
                .path("codes")
                .valueStream()
                .map(JsonNode::asString)
                .toList();

        HttpSession passkey = new HttpSession(port);
        passkey.csrf();
        assertThat(PasskeyEndpointsTest.signIn(passkey, authenticator, new Tamper())
                        .statusCode())
                .isEqualTo(200);
        HttpSession recovery = new HttpSession(port);
        assertThat(recovery.post(
                                "/passkeys/recovery",
                                HttpSession.JSON.writeValueAsString(Map.of("username", "bob", "code", codes.get(0))))
                        .statusCode())
                .isEqualTo(200);

        List<byte[]> stored = jdbc.queryForList(
                "select a.attribute_bytes from spring_session_attributes a join spring_session s"
                        + " on a.session_primary_id = s.primary_id where s.principal_name = 'bob'",
                byte[].class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = 'bob'", Integer.class))
                .as("password, passkey and recovery sessions")
                .isEqualTo(3);
        String passwordHash = users.loadUserByUsername("bob").getPassword();
        assertThat(passwordHash).isNotBlank();
        assertThat(stored)
                .isNotEmpty()
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(passwordHash));
    }

    @EnableJdbcHttpSession
    static class JdbcSessions {}
}
