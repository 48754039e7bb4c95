package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client files over real HTTP: gzip when the browser accepts it (each form with its own strong ETag, either
 * revalidating to a 304 without a body), a year's {@code immutable} caching for a versioned URL ({@code ?v=<hash>}, as
 * our pages link them), and passkeys.js naming the versioned parts it loads on need.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:client-files;DB_CLOSE_DELAY=-1")
class ClientFilesHttpTest {

    static final List<String> FILES = List.of(
            "passkeys.js",
            "passkeys-signup.js",
            "passkeys-stepup.js",
            "passkeys-upgrade.js",
            "passkeys-manage.js",
            "passkeys-recovery-codes.js",
            "passkeys.css",
            "messages");

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void gzipWhenAcceptedWithItsOwnTagAndTheSameContent() throws IOException {
        for (String file : FILES) {
            HttpResponse<byte[]> plain = get(file, null, null);
            HttpResponse<byte[]> zipped = get(file, "gzip, deflate, br", null);
            assertThat(plain.statusCode()).as(file).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(file).isEmpty();
            assertThat(zipped.statusCode()).as(file).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
            assertThat(zipped.headers().allValues("Vary")).as(file).contains("Accept-Encoding");
            assertThat(plain.headers().allValues("Vary")).as(file).contains("Accept-Encoding");
            assertThat(zipped.headers().firstValue("Content-Length"))
                    .as(file)
                    .hasValue(Integer.toString(zipped.body().length));
            assertThat(zipped.body().length).as(file).isLessThan(plain.body().length);
            assertThat(gunzip(zipped.body())).as(file).isEqualTo(plain.body());
            String plainTag = plain.headers().firstValue("ETag").orElseThrow();
            String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
            assertThat(zippedTag).as(file).isNotEqualTo(plainTag).isEqualTo(plainTag.replaceAll("\"$", "-gz\""));

            // Either tag is the same content: 304 with no body, and the tag of the form asked for.
            for (String tag : List.of(plainTag, zippedTag, "W/" + zippedTag)) {
                HttpResponse<byte[]> again = get(file, "gzip", tag);
                assertThat(again.statusCode()).as(file + " " + tag).isEqualTo(304);
                assertThat(again.body()).as(file).isEmpty();
                assertThat(again.headers().firstValue("ETag")).as(file).hasValue(zippedTag);
            }
            assertThat(get(file, "gzip", "\"older-gz\"").statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void noGzipWhenTheBrowserRefusesIt() {
        for (String accept : List.of("identity", "gzip;q=0", "br", "gzip;q=0.000, identity")) {
            HttpResponse<byte[]> response = get("passkeys.js", accept, null);
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .as(accept)
                    .isEmpty();
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .as(accept)
                    .startsWith("(function");
        }
        assertThat(get("passkeys.js", "GZIP;q=0.5", null).headers().firstValue("Content-Encoding"))
                .hasValue("gzip");
    }

    @Test
    void aVersionedUrlIsImmutableAndPasskeysJsLinksItsPartsSo() {
        String script = new String(get("passkeys.js", null, null).body(), StandardCharsets.UTF_8);
        Matcher part = Pattern.compile("'(passkeys-(signup|stepup|upgrade)\\.js)\\?v=([A-Za-z0-9_-]{22})'")
                .matcher(script);
        int parts = 0;
        while (part.find()) {
            parts++;
            String name = part.group(1);
            String version = part.group(3);
            HttpResponse<byte[]> versioned = get(name + "?v=" + version, "gzip", null);
            assertThat(versioned.statusCode()).as(name).isEqualTo(200);
            assertThat(versioned.headers().firstValue("Cache-Control"))
                    .as(name)
                    .hasValue("public, max-age=31536000, immutable");
            assertThat(versioned.headers().firstValue("ETag")).as(name).hasValue("\"" + version + "-gz\"");
            // Another version's URL (an older page) gets today's file, revalidated, never kept a year.
            HttpResponse<byte[]> other = get(name + "?v=AAAAAAAAAAAAAAAAAAAAAA", null, null);
            assertThat(other.headers().firstValue("Cache-Control")).as(name).hasValue("no-cache");
            assertThat(get(name, null, null).headers().firstValue("Cache-Control"))
                    .as(name)
                    .hasValue("no-cache");
        }
        assertThat(parts).isEqualTo(3);
    }

    @Test
    void ourPagesLinkVersionedFiles() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        String page = alice.get("/passkeys/manage").body();
        Matcher linked = Pattern.compile("(?:src|href)=\"/passkeys/([a-z.-]+)\\?v=([A-Za-z0-9_-]{22})\"")
                .matcher(page);
        int files = 0;
        while (linked.find()) {
            files++;
            HttpResponse<byte[]> file = get(linked.group(1) + "?v=" + linked.group(2), "gzip", null);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        }
        assertThat(files).as(page).isEqualTo(4); // passkeys.css, passkeys.js, passkeys-manage.js, …-recovery-codes.js
    }

    private HttpResponse<byte[]> get(String file, String acceptEncoding, String ifNoneMatch) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/passkeys/" + file));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
