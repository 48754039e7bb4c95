package io.github.passkeys4j.testing.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One headless Chromium with a virtual platform authenticator, set up as ../shared/BROWSER-TESTING.md says: explicit
 * binary and driver, the flags that work as root, a fresh profile, {@code http://localhost:PORT}. Every
 * {@code navigator.credentials.get} call is recorded (see credentials-get-recorder.js); conditional (autofill)
 * requests are held until aborted (see {@link #holdConditionalRequests}).
 */
public final class Browser implements AutoCloseable {

    /** Where {@link #checkLayout} saves its screenshots, relative to the module (Maven's working directory). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String RECORDER = Chromium.recorder();
    private static final String LAYOUT_CHECK = Chromium.resource("layout-check.js");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private VirtualAuthenticator authenticator;
    private String recorderId;
    private Integer width;
    private String colorScheme = "light";

    private Browser(String baseUrl, String language, String... extraArguments) throws IOException {
        if (!baseUrl.startsWith("http://localhost:")) {
            // With rpId localhost, Chromium refuses both ceremonies from 127.0.0.1 (BROWSER-TESTING point 4).
            throw new IllegalArgumentException("use http://localhost:PORT, not " + baseUrl);
        }
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("passkeys-test-chromium-");
        this.driver = Chromium.start(profile, language, extraArguments);
        this.authenticator = driver.addVirtualAuthenticator(Chromium.platformAuthenticator());
        holdConditionalRequests(true);
    }

    /** A browser for an app at the root of {@code http://localhost:port}. */
    public static Browser open(int port) {
        return open("http://localhost:" + port);
    }

    /**
     * A browser for the app at {@code baseUrl} ({@code http://localhost:PORT} and the context path, if any), started
     * with {@code extraArguments} besides the usual flags (a {@code --window-size=…}, say).
     */
    public static Browser open(String baseUrl, String... extraArguments) {
        return openInLanguage(baseUrl, null, extraArguments);
    }

    /**
     * As {@link #open(String, String...)}, with Chromium set to {@code language} (a BCP 47 tag such as
     * {@code de-DE}): its pages ask for that language ({@code Accept-Language}) and its {@code Intl} formats use it.
     */
    public static Browser openInLanguage(String baseUrl, String language, String... extraArguments) {
        try {
            return new Browser(baseUrl, language, extraArguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With {@code true}, a {@code mediation: "conditional"} request stays pending until aborted, as in a real browser
     * before the user picks a passkey from the autofill list. With {@code false} it goes to the virtual authenticator,
     * which answers at once (BROWSER-TESTING point 7). Applies from the next page load.
     */
    public void holdConditionalRequests(boolean hold) {
        if (recorderId != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", recorderId));
        }
        Map<String, Object> added = driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORDER.replace("__HOLD__", Boolean.toString(hold))));
        recorderId = (String) added.get("identifier");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Another device: removes this browser's authenticator, with its passkeys, and adds a fresh one like it. Chrome
     * refuses a second internal authenticator next to the first ("Chrome only supports one internal authenticator per
     * environment"); a USB one next to it would be accepted, but then either may answer a request.
     */
    public VirtualAuthenticator replaceAuthenticator() {
        driver.removeVirtualAuthenticator(authenticator);
        authenticator = driver.addVirtualAuthenticator(Chromium.platformAuthenticator());
        return authenticator;
    }

    /** The credential IDs in the authenticator, base64url as the server stores them. */
    public List<String> credentialIds() {
        return authenticator.getCredentials().stream()
                .map(c -> Base64.getUrlEncoder().withoutPadding().encodeToString(c.getId()))
                .toList();
    }

    public Object run(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs {@code script} in the page with {@code executeAsyncScript}: it ends by calling its last argument. */
    public Object runAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** Sizes the window so that pages get a viewport of {@code width} x {@code height} CSS pixels. */
    public void viewportSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
        driver.manage()
                .window()
                .setSize(new Dimension(
                        2 * width - inner.get(0).intValue(),
                        2 * height - inner.get(1).intValue()));
    }

    /**
     * Pages from now on are laid out {@code width} CSS pixels wide (CDP device metrics); below 600 as a phone
     * (844 high, mobile), else 900 high. 390 emulates a phone (BROWSER-TESTING point 10).
     */
    public void width(int width) {
        this.width = width;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        width < 600 ? 844 : 900,
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        width < 600));
    }

    /**
     * Pages from now on are drawn in {@code "light"} or {@code "dark"} colours: CDP {@code Emulation.setEmulatedMedia}
     * with {@code prefers-color-scheme} (BROWSER-TESTING point 11). Applies at once, without a reload.
     */
    public void colorScheme(String scheme) {
        if (!scheme.equals("light") && !scheme.equals("dark")) {
            throw new IllegalArgumentException("light or dark, not " + scheme);
        }
        this.colorScheme = scheme;
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** How pages are shown now, for messages and file names: {@code "390 px, dark"}. */
    public String shownAs() {
        return shownWidth() + " px, " + colorScheme;
    }

    /**
     * Saves a screenshot as {@code target/screenshots/<name>-<width>[-dark].png}, then asserts from element geometry
     * what a person would see as broken (layout-check.js; BROWSER-TESTING point 10): sideways scrolling
     * ({@code document.documentElement.scrollWidth > innerWidth}), a text box narrower than a word (a word that fits a
     * line broken over lines, or sticking out of its box), a button not fully visible (outside the window or covered).
     */
    public void checkLayout(String name) {
        int shownWidth = shownWidth();
        saveScreenshot(SCREENSHOTS.resolve(
                name + "-" + shownWidth + (colorScheme.equals("light") ? "" : "-" + colorScheme) + ".png"));
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) driver.executeScript(LAYOUT_CHECK);
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "[" + name + " at " + shownAs() + ": layout problems]\n  " + String.join("\n  ", problems));
        }
    }

    private int shownWidth() {
        return width != null ? width : ((Number) driver.executeScript("return window.innerWidth;")).intValue();
    }

    /** Saves what the window shows as a PNG, creating the folder. */
    public Path saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the app: {@code path} is relative to the base URL ({@code "/login"}: base URL + /login). */
    public void get(String path) {
        driver.get(baseUrl + path);
    }

    /** The path the browser is on (with the context path, if any), and the query. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The session cookie, or null when there is none. */
    public String sessionId() {
        // The servlet container's cookie, else Spring Session's.
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        if (cookie == null) {
            cookie = driver.manage().getCookieNamed("SESSION");
        }
        return cookie == null ? null : cookie.getValue();
    }

    /** Signs out without a page: the authenticator keeps its passkeys. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** The {@code navigator.credentials.get} calls made in this tab on this origin, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> credentialRequests() {
        Object calls =
                driver.executeScript("return JSON.parse(sessionStorage.getItem('passkeys-test-get-calls') || '[]');");
        return (List<Map<String, Object>>) calls;
    }

    public void clearCredentialRequests() {
        driver.executeScript("sessionStorage.removeItem('passkeys-test-get-calls');");
    }

    /** Waits for {@code condition}; on time-out fails with what the page showed and the browser console. */
    public <T> T waitUntil(String what, ExpectedCondition<T> condition) {
        try {
            // A condition that reads an element while the page navigates (sign-out, then an autofill sign-in) may hold
            // a stale one: that is "not yet", so poll again until the timeout.
            return new WebDriverWait(driver, TIMEOUT, POLL)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "\n" + diagnostics(), e);
        }
    }

    public String text(By by) {
        return driver.findElement(by).getText().strip();
    }

    /** The URL, the page's text, the browser console and the recorded credential requests, for failure messages. */
    public String diagnostics() {
        String console;
        try {
            console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .collect(Collectors.joining("\n  "));
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
            Chromium.deleteQuietly(profile);
        }
    }
}
