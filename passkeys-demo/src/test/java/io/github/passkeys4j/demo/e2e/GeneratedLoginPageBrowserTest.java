package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * A second, minimal app as many start: {@code formLogin(withDefaults())} and Spring Security's generated login page,
 * no HTML of its own, under {@code server.servlet.context-path=/app}. In real Chromium: password sign-in on the
 * generated page, a passkey added on our page (with its Content-Security-Policy: no violation may be logged), then a
 * sign-in with the button the starter added to the generated page, "remember me" ticked. Conditional requests are held pending (as a real
 * browser does until the user picks a passkey), so autofill is checked only as far as its request starting.
 */
@SpringBootTest(
        classes = GeneratedLoginPageBrowserTest.DefaultLoginApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:generated-login-page;DB_CLOSE_DELAY=-1",
            "server.servlet.context-path=/app",
            "spring.sql.init.mode=never"
        })
class GeneratedLoginPageBrowserTest extends BrowserTest {

    @Test
    void passwordThenPasskeyOnTheGeneratedLoginPageUnderAContextPath() {
        browser.get("/app/login");
        assertThat(browser.driver().findElement(By.id("username")).getDomAttribute("autocomplete"))
                .isEqualTo("username webauthn");
        browser.waitUntil(
                "the autofill request", driver -> !browser.credentialRequests().isEmpty());
        assertThat(browser.credentialRequests().get(0)).containsEntry("mediation", "conditional");
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("alice-password");
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        browser.waitUntil("the home page", driver -> browser.path().equals("/app/"));

        browser.get("/app/passkeys/manage");
        PasskeysPage.at(browser).addPasskey("Laptop");
        assertThat(cspViolations())
                .as("Content-Security-Policy violations on our page")
                .isEmpty();
        // The control: the policy is in force and a violation would be seen.
        browser.run(
                "const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.head.append(s);");
        assertThat(cspViolations()).hasSize(1);

        browser.forgetSession();
        browser.clearCredentialRequests();
        browser.get("/app/login");
        browser.waitUntil(
                "the passkey button",
                driver -> !driver.findElements(By.cssSelector("[data-passkey-signin]"))
                        .isEmpty());
        // "Remember me", ticked by a click on its words (they label it), goes with the passkey sign-in.
        browser.driver()
                .findElement(By.cssSelector("label:has(input[data-passkey-remember-me])"))
                .click();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("input[name=remember-me]"))
                        .isSelected())
                .isTrue();
        browser.driver().findElement(By.cssSelector("[data-passkey-signin]")).click();
        browser.waitUntil(
                "the home page after the passkey sign-in",
                driver -> browser.path().equals("/app/"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("alice", "PasskeyAuthenticationToken");
        List<Map<String, Object>> requests = browser.credentialRequests();
        assertThat(requests.get(requests.size() - 1)).containsEntry("outcome", "resolved");

        // The session gone, the app's remember-me cookie signs alice in again.
        assertThat(browser.driver().manage().getCookieNamed("remember-me")).isNotNull();
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.get("/app/");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("alice", "RememberMeAuthenticationToken");
    }

    /**
     * The generated login page with the button and autofill we add, at 390 and 1280 px in light and dark mode: no axe
     * violation, nothing outside the window, no squeezed text (issue 9); the error state after a wrong password too.
     */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theGeneratedLoginPageWithOurButtonIsAccessibleAtAnyWidth(int width) {
        browser.width(width);
        browser.forgetSession();
        PageChecks checks = new PageChecks(browser);
        browser.get("/app/login");
        browser.waitUntil(
                "the passkey button",
                driver -> !driver.findElements(By.cssSelector("[data-passkey-signin]"))
                        .isEmpty());
        browser.waitUntil(
                "the autofill request", driver -> !browser.credentialRequests().isEmpty());
        checks.check("generated-login");
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("wrong");
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        browser.waitUntil("the error", driver -> browser.path().equals("/app/login?error"));
        checks.check("generated-login-error");
        assertThat(checks.checked()).hasSize(4);
        checks.assertAllPassed();
    }

    /** Chromium logs a CSP violation to the console as "Refused to … because it violates … Content Security Policy". */
    private List<String> cspViolations() {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    /** An app that relies on the login page Spring Security generates. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(DefaultLoginApp.Home.class)
    static class DefaultLoginApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http, UserDetailsService users) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .rememberMe(r -> r.key("generated-login-page-test").userDetailsService(users))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallAppUsers.alice();
        }

        @RestController
        static class Home {
            @GetMapping("/")
            String home(Authentication authentication) {
                return authentication.getName() + " "
                        + authentication.getClass().getSimpleName();
            }
        }
    }
}
