package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * A newcomer's mistake: a login page with the passkey button but without the CSRF meta tags. Reloading cannot help
 * the person at the page, so in real Chromium the button says the page is not set up (not "out of date, reload"),
 * and the console tells the developer which tags to add.
 */
@SpringBootTest(
        classes = MissingCsrfMetaBrowserTest.ForgetfulApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:missing-csrf-meta;DB_CLOSE_DELAY=-1",
            "spring.sql.init.mode=never"
        })
class MissingCsrfMetaBrowserTest extends BrowserTest {

    @Test
    void theButtonSaysThePageIsNotSetUpAndTheConsoleNamesTheTags() {
        browser.get("/forgot-meta.html");
        browser.driver().findElement(By.cssSelector("[data-passkey-signin]")).click();

        browser.waitUntil(
                "the error",
                driver -> !browser.text(By.cssSelector("[data-passkey-error]")).isEmpty());
        assertThat(browser.text(By.cssSelector("[data-passkey-error]")))
                .isEqualTo("Passkeys are not set up correctly on this page. Please tell the site's support.");
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .anySatisfy(line -> assertThat(line).contains("no CSRF token", "_csrf_header"));
    }

    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ForgetfulApp.Pages.class)
    static class ForgetfulApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/forgot-meta.html")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallAppUsers.alice();
        }

        @RestController
        static class Pages {
            /** The README's step 3 without its first line, the meta tags. */
            @GetMapping(path = "/forgot-meta.html", produces = MediaType.TEXT_HTML_VALUE)
            String page() {
                return """
                        <!DOCTYPE html>
                        <html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
                        <script src="/passkeys/passkeys.js" defer></script></head>
                        <body><main><h1>Sign in</h1>
                        <input name="username" autocomplete="username webauthn">
                        <button type="button" data-passkey-signin>Sign in with a passkey</button>
                        <p data-passkey-error role="alert"></p></main></body></html>
                        """;
            }
        }
    }
}
