package dev.passkeys.demo.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One headless Chromium with a virtual platform authenticator, set up as ../shared/BROWSER-TESTING.md says:
 * explicit binary and driver, the flags that work as root, a fresh profile, {@code http://localhost:PORT}.
 * Every {@code navigator.credentials.get} call is recorded (see credentials-get-recorder.js).
 */
final class Browser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String RECORDER = readRecorder();

    private final ChromeDriver driver;
    private VirtualAuthenticator authenticator;
    private final Path profile;
    private final String baseUrl;
    private String recorderId;

    /** The result of {@code GET /me} made by the page's own fetch, with the browser's cookies. */
    record Me(long status, String username, String authenticatedWith) {
    }

    private Browser(int port) throws IOException {
        this.baseUrl = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("passkeys-demo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.authenticator = driver.addVirtualAuthenticator(platformAuthenticator());
        holdConditionalRequests(true);
    }

    /** A virtual authenticator that behaves like a platform passkey provider (BROWSER-TESTING point 5). */
    private static VirtualAuthenticatorOptions platformAuthenticator() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    /** A browser for the demo on {@code port}; conditional requests are held (see {@link #holdConditionalRequests}). */
    static Browser open(int port) {
        try {
            return new Browser(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With {@code true}, a {@code mediation: "conditional"} request stays pending until aborted, as in a real browser
     * before the user picks a passkey from the autofill list. With {@code false} it goes to the virtual authenticator,
     * which answers at once (BROWSER-TESTING point 7). Applies from the next page load.
     */
    void holdConditionalRequests(boolean hold) {
        if (recorderId != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", recorderId));
        }
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORDER.replace("__HOLD__", Boolean.toString(hold))));
        recorderId = (String) added.get("identifier");
    }

    WebDriver driver() {
        return driver;
    }

    VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Another device: removes this browser's authenticator, with its passkeys, and adds a fresh one like it. Chrome
     * refuses a second internal authenticator next to the first ("Chrome only supports one internal authenticator per
     * environment"); a USB one next to it would be accepted, but then either may answer a request.
     */
    VirtualAuthenticator replaceAuthenticator() {
        driver.removeVirtualAuthenticator(authenticator);
        authenticator = driver.addVirtualAuthenticator(platformAuthenticator());
        return authenticator;
    }

    Object run(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs {@code script} in the page with {@code executeAsyncScript}: it ends by calling its last argument. */
    Object runAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** Sizes the window so that pages get a viewport of {@code width} x {@code height} CSS pixels. */
    void viewportSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
        driver.manage().window().setSize(new Dimension(2 * width - inner.get(0).intValue(),
                2 * height - inner.get(1).intValue()));
    }

    /** Saves what the window shows as a PNG, creating the folder. */
    Path saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The session cookie, or null when there is none. */
    String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /** Signs out without a page: the authenticator keeps its passkeys. */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    Me fetchMe() {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                  .then(r => r.json().then(body => done({ status: r.status, body })))
                  .catch(e => done({ status: -1, body: { error: String(e) } }));
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) result.get("body");
        return new Me((Long) result.get("status"), (String) body.get("username"),
                (String) body.get("authenticatedWith"));
    }

    /** The {@code navigator.credentials.get} calls made in this tab on this origin, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> credentialRequests() {
        Object calls = driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('passkeys-test-get-calls') || '[]');");
        return (List<Map<String, Object>>) calls;
    }

    void clearCredentialRequests() {
        driver.executeScript("sessionStorage.removeItem('passkeys-test-get-calls');");
    }

    /** Waits for {@code condition}; on time-out fails with what the page showed and the browser console. */
    <T> T waitUntil(String what, ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT, POLL).until(condition);
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
        return "URL: " + driver.getCurrentUrl() + "\nPage text:\n" + body + "\nBrowser console:\n  " + console
                + "\nCredential requests: " + safeCredentialRequests();
    }

    private Object safeCredentialRequests() {
        try {
            return credentialRequests();
        } catch (RuntimeException e) {
            return "(unavailable)";
        }
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
