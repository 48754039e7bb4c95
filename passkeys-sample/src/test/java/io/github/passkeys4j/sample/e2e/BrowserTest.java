package io.github.passkeys4j.sample.e2e;

import io.github.passkeys4j.sample.PasskeyTables;
import io.github.passkeys4j.sample.SampleHttp;
import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * Acme Notes on a random port and one headless Chromium shared by the tests of a class (starting ChromeDriver costs
 * about a second); its paths are under the context path ({@code "/login"} is /acme/login). Each test starts signed
 * out, at 1280 px, with an empty authenticator, so that a passkey sign-in can only use the passkeys the test made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PasskeyTables tables;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open("http://localhost:" + port + SampleHttp.CONTEXT_PATH, "--window-size=1280,900");
        tables = new PasskeyTables(jdbc);
    }

    @BeforeEach
    void freshStart() {
        browser.get("/login");
        browser.forgetSession();
        browser.authenticator().removeAllCredentials();
        browser.width(1280);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A username no other test uses (all tests share one app). */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
