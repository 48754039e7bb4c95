package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in options over real HTTP bind their sealed challenge to the browser that asked, through an
 * HttpOnly, SameSite=Strict cookie ({@code __Host-} and Secure behind HTTPS); the sign-in works only with that cookie,
 * and only once.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:binding;DB_CLOSE_DELAY=-1",
            "server.forward-headers-strategy=native"
        })
class SignInBindingHttpTest {

    @LocalServerPort
    int port;

    @Test
    void optionsSetAnHttpOnlyStrictCookieOneValuePerBrowser() {
        HttpSession browser = new HttpSession(port);
        browser.csrf();

        HttpResponse<String> first = browser.post("/passkeys/authentication/options", "{}");
        HttpResponse<String> second = browser.post("/passkeys/authentication/options", "{}");

        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .matches("passkeys-signin=[A-Za-z0-9_-]{43}; .*")
                .contains("Path=/", "Max-Age=360", "HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure");
        assertThat(second.headers().firstValue("Set-Cookie").orElseThrow())
                .as("another tab of the same browser keeps its value")
                .startsWith(cookie.substring(0, cookie.indexOf(';')));
    }

    @Test
    void behindHttpsTheCookieIsHostPrefixedAndSecure() {
        HttpSession browser = new HttpSession(port);
        JsonNode csrf = browser.csrf();
        HttpResponse<String> options = browser.send(HttpRequest.newBuilder(
                        URI.create(browser.url("/passkeys/authentication/options")))
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(options.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .matches("__Host-passkeys-signin=[A-Za-z0-9_-]{43}; .*")
                        .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/")
                        .doesNotContain("Domain"));
    }

    /**
     * A proxy that ends TLS and does not say so (no {@code X-Forwarded-Proto}): the app sees plain HTTP, but the
     * browser's https {@code Origin} still gets it the {@code __Host-} Secure cookie, and it signs in with it.
     */
    @Test
    void behindAProxyThatDoesNotSayHttpsTheHttpsOriginGetsTheSecureCookie() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        PasskeyEndpointsTest.register(alice, phone, "{\"name\": \"Phone\"}");
        String page = "https://localhost:" + port;
        HttpSession browser = new HttpSession(port);
        JsonNode csrf = browser.csrf();

        HttpResponse<String> options =
                browser.send(fromPage(browser, csrf, page, "/passkeys/authentication/options", "{}"));

        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String cookie = options.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.contains("passkeys-signin="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .matches("__Host-passkeys-signin=[A-Za-z0-9_-]{43}; .*")
                .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/");
        // The browser sends it back over https; the proxy passes it on over plain HTTP.
        String assertion = phone.authenticate(SoftwareAuthenticator.requestOptions(options.body()), page);
        HttpResponse<String> signIn = browser.send(fromPage(browser, csrf, page, "/passkeys/authentication", assertion)
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(browser.get("/whoami").body()).contains("alice");
    }

    private static HttpRequest.Builder fromPage(
            HttpSession browser, JsonNode csrf, String page, String path, String json) {
        return HttpRequest.newBuilder(URI.create(browser.url(path)))
                .header("Origin", page)
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void aSignInFinishesOnlyWithTheCookieOfTheBrowserThatAskedAndOnlyOnce() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        PasskeyEndpointsTest.register(alice, phone, "{\"name\": \"Phone\"}");

        HttpSession browser = new HttpSession(port);
        HttpResponse<String> options = browser.post("/passkeys/authentication/options", "{}");
        String assertion = phone.authenticate(SoftwareAuthenticator.requestOptions(options.body()), browser.origin());
        HttpSession elsewhere = new HttpSession(port);

        HttpResponse<String> stolen = elsewhere.post("/passkeys/authentication", assertion);

        assertThat(stolen.statusCode()).isEqualTo(401);
        assertThat(HttpSession.json(stolen).path("reason").asString()).isEqualTo("CHALLENGE_UNKNOWN");
        assertThat(elsewhere.get("/whoami").statusCode()).as("not signed in").isNotEqualTo(200);
        // The refusal used nothing up: the browser that asked still signs in with it, once.
        assertThat(browser.post("/passkeys/authentication", assertion).statusCode())
                .isEqualTo(200);
        HttpResponse<String> replayed = browser.post("/passkeys/authentication", assertion);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(HttpSession.json(replayed).path("reason").asString()).isEqualTo("CHALLENGE_UNKNOWN");
    }
}
