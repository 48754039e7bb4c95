package io.github.passkeys4j.testing.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** How {@link Browser} starts Chromium on these machines, as ../shared/BROWSER-TESTING.md (points 2, 3, 5) says. */
final class Chromium {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    /** Headless as root; the Debian wrapper's "[: unexpected operator" and D-Bus errors are harmless. */
    static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private Chromium() {}

    /**
     * A Chromium with explicit binary and driver (else Selenium Manager tries to download a driver), the root flags,
     * {@code extraArguments}, the profile {@code profile}, and the browser console kept for diagnostics.
     */
    static ChromeDriver start(Path profile, String... extraArguments) {
        return start(profile, null, extraArguments);
    }

    /**
     * As {@link #start(Path, String...)}, in {@code language} (a BCP 47 tag, or null for the default): the UI language
     * and {@code Accept-Language}, which needs both the flag and the preference (BROWSER-TESTING point 12).
     */
    static ChromeDriver start(Path profile, String language, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments(FLAGS);
        options.addArguments(extraArguments);
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        options.addArguments("--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** A virtual authenticator that behaves like a platform passkey provider (BROWSER-TESTING point 5). */
    static VirtualAuthenticatorOptions platformAuthenticator() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    /** credentials-get-recorder.js, with {@code __HOLD__} still to be replaced. */
    static String recorder() {
        return resource("credentials-get-recorder.js");
    }

    /** A text file next to this class; fails with what is missing and how it gets there. */
    static String resource(String name) {
        try (InputStream in = Chromium.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath next to " + Chromium.class.getName()
                        + ": build passkeys-test-browser (mvn -pl passkeys-test-browser install), which puts it there");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the profile; best effort, like Spring's FileSystemUtils.deleteRecursively which this replaces. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the OS's temp clean-up, as before
        }
    }
}
