package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Under server.servlet.context-path every URL we hand out carries it: the page's, the sign-in's redirect. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:contextpath;DB_CLOSE_DELAY=-1",
            "server.servlet.context-path=/app"
        })
class ContextPathTest {

    @LocalServerPort
    int port;

    @Test
    void theWholeJourneyUnderAContextPath() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port, "/app");
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);

        HttpResponse<String> page = alice.get("/passkeys/manage");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "href=\"/app/passkeys/passkeys.css?v=",
                        "src=\"/app/passkeys/passkeys.js?v=",
                        "src=\"/app/passkeys/passkeys-manage.js?v=",
                        "href=\"/app/\"");
        assertThat(alice.get("/passkeys/passkeys.js").statusCode()).isEqualTo(200);
        assertThat(new HttpSession(port).get("/passkeys/passkeys.js").statusCode())
                .isEqualTo(404);

        register(alice, authenticator, "{}");

        HttpSession browser = new HttpSession(port, "/app");
        HttpResponse<String> signIn = signIn(browser, authenticator, new Tamper());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(json(signIn).path("redirectUrl").asString()).isEqualTo("/app/");
        assertThat(json(browser.get("/whoami")).path("type").asString()).isEqualTo("PasskeyAuthenticationToken");

        HttpResponse<String> anonymousPage = new HttpSession(port, "/app").get("/passkeys/manage");
        assertThat(anonymousPage.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/app/login"));
    }
}
