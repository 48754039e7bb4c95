package dev.passkeys.sample.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium with a virtual platform authenticator against Acme Notes under its context path, set up as
 * ../shared/BROWSER-TESTING.md says (explicit binary and driver, root flags, a fresh profile, http://localhost:PORT).
 * Copied from the demo's tests and adapted: paths are relative to the app ({@code /acme}), the viewport can be a
 * phone's, and {@link #checkLayout} asserts there is no sideways scrolling and saves a screenshot.
 */
final class Browser implements AutoCloseable {

    static final String CONTEXT_PATH = "/acme";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String RECORDER = readRecorder();

    private final ChromeDriver driver;
    private final VirtualAuthenticator authenticator;
    private final Path profile;
    private final String origin;
    private int width = 1280;

    private Browser(int port) throws IOException {
        this.origin = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("passkeys-sample-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        // The login page starts an autofill (conditional) request on load; the virtual authenticator would answer
        // it at once and sign the page in by itself (BROWSER-TESTING point 7). Hold it, as a real browser does until
        // the user picks a passkey: these tests use the "Sign in with a passkey" button.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORDER.replace("__HOLD__", "true")));
    }

    static Browser open(int port) {
        try {
            return new Browser(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /** The credential IDs in the authenticator, base64url as the server stores them. */
    List<String> credentialIds() {
        return authenticator.getCredentials().stream()
                .map(c -> Base64.getUrlEncoder().withoutPadding().encodeToString(c.getId()))
                .toList();
    }

    /** Pages from now on are laid out {@code width} CSS pixels wide; 390 emulates a phone. */
    void width(int width) {
        this.width = width;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /**
     * Asserts the page has no sideways scrolling at the current width (BROWSER-TESTING point 10) and saves a
     * screenshot as {@code target/screenshots/<name>-<width>.png}.
     */
    void checkLayout(String name) {
        saveScreenshot(name + "-" + width);
        @SuppressWarnings("unchecked")
        List<Long> sizes = (List<Long>) driver.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(sizes.get(0)).as("%s at %d px: page width (scrollWidth) within the window (innerWidth)",
                name, width).isLessThanOrEqualTo(sizes.get(1));
    }

    Path saveScreenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the app: {@code path} is under the context path ({@code "/login"} is /acme/login). */
    void get(String path) {
        driver.get(origin + CONTEXT_PATH + path);
    }

    /** The path the browser is on, with the context path, and the query. */
    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Signs out without a page: the authenticator keeps its passkeys. */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    Object run(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    Object runAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** Waits for {@code condition}; on time-out fails with what the page showed and the browser console. */
    <T> T waitUntil(String what, ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50)).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "\n" + diagnostics(), e);
        }
    }

    String text(By by) {
        return driver.findElement(by).getText().strip();
    }

    String diagnostics() {
        String console;
        try {
            console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n  "));
        } catch (RuntimeException e) {
            console = "(unavailable: " + e.getMessage() + ")";
        }
        String body;
        try {
            body = driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            body = "(unavailable)";
        }
        return "URL: " + driver.getCurrentUrl() + "\nPage text:\n" + body + "\nBrowser console:\n  " + console;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static String readRecorder() {
        try (InputStream in = Browser.class.getResourceAsStream("credentials-get-recorder.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
