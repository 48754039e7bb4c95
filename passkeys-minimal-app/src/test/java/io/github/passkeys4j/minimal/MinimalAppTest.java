package io.github.passkeys4j.minimal;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's four steps in an app without JDBC, Micrometer or Spring Session: it boots (it used to die with
 * NoClassDefFoundError DatabaseInitializationMode), warns that passkeys are kept in memory, and a passkey is added
 * and used to sign in over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MinimalAppTest {

    @LocalServerPort
    int port;

    @Test
    void theClasspathReallyLacksTheOptionalModules() {
        for (String absent : new String[] {
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.boot.sql.init.DatabaseInitializationMode",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "io.micrometer.core.instrument.MeterRegistry",
            "org.springframework.session.Session"
        }) {
            assertThat(ClassUtils.isPresent(absent, null)).as(absent).isFalse();
        }
    }

    /** The extension captures from before the context starts (its class-level capture), so the start-up log is in. */
    @Test
    void bootsInMemoryAndSaysSo(CapturedOutput output) {
        assertThat(output.getOut().lines())
                .anyMatch(line -> line.contains("INFO")
                        && line.contains(
                                "Passkeys for Java: rp-id localhost, origins [http://localhost:*, https://localhost:*], "
                                        + "storage in memory, user verification required"));
        assertThat(output.getOut().lines())
                .anyMatch(line -> line.contains("WARN")
                        && line.contains("Passkeys for Java keeps passkeys in memory: they are lost on restart"));
    }

    @Test
    void aPasskeyIsAddedAndSignsIn() throws Exception {
        String origin = "http://localhost:" + port;
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

        Browser alice = new Browser(origin);
        HttpResponse<String> login = alice.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<script src=\"/passkeys/passkeys.js\" defer></script>");
        assertThat(alice.get("/passkeys/passkeys.js").statusCode()).isEqualTo(200);
        assertThat(alice.form("/login", "username=alice&password=alice-password")
                        .statusCode())
                .isEqualTo(302);
        assertThat(alice.get("/").body()).contains("Signed in as <span id=\"name\">alice</span>");

        HttpResponse<String> creation = alice.post("/passkeys/registration/options", "{}");
        assertThat(creation.statusCode()).isEqualTo(200);
        String created = authenticator.register(SoftwareAuthenticator.creationOptions(creation.body()), origin);
        HttpResponse<String> registered =
                alice.post("/passkeys/registration", "{\"credential\": " + created + ", \"name\": \"Laptop\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(alice.get("/passkeys/credentials").body()).contains("\"name\":\"Laptop\"");
        assertThat(alice.get("/passkeys/manage").statusCode()).isEqualTo(200);

        Browser later = new Browser(origin);
        later.get("/login");
        HttpResponse<String> request = later.post("/passkeys/authentication/options", "{}");
        assertThat(request.statusCode()).isEqualTo(200);
        String assertion = authenticator.authenticate(SoftwareAuthenticator.requestOptions(request.body()), origin);
        HttpResponse<String> signedIn = later.post("/passkeys/authentication", assertion);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(later.get("/").body()).contains("Signed in as <span id=\"name\">alice</span>");
    }

    /** A browser: its own cookies, and the CSRF token of the last page it loaded, sent as the JS client sends it. */
    static final class Browser {
        private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

        private final String origin;
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrfHeader;
        private String csrfToken;

        Browser(String origin) {
            this.origin = origin;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
            Matcher meta = META.matcher(response.body());
            while (meta.find()) {
                if ("_csrf".equals(meta.group(1))) {
                    csrfToken = meta.group(2);
                } else {
                    csrfHeader = meta.group(2);
                }
            }
            return response;
        }

        HttpResponse<String> form(String path, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            form + "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8))));
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Content-Type", "application/json")
                    .header(csrfHeader, csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
