package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.spring.security.PasskeySignInHandlers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * A single-page app as Spring Security sets one up: {@code csrf.spa()} (the token in the {@code XSRF-TOKEN} cookie,
 * no meta tags on its static page) and its own sign-in success handler, which answers JSON without a
 * {@code redirectUrl}. In real Chromium: our passkeys page (its meta tag's token is refused by {@code csrf.spa()}, the
 * cookie's is taken) adds a passkey; then, with no token cookie at all, the starter's button signs in on the app's
 * page (the refusal of the first request sets the cookie, the client sends it once more) and hands the app's answer to
 * a {@code passkeys:signed-in} event instead of navigating; a handler that redirects is followed.
 */
@SpringBootTest(
        classes = SinglePageAppBrowserTest.SinglePageApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:single-page-app;DB_CLOSE_DELAY=-1",
            "spring.sql.init.mode=never"
        })
class SinglePageAppBrowserTest extends BrowserTest {

    @Test
    void theButtonSignsInWithTheCookiesTokenAndHandsTheAppsAnswerToThePage() {
        browser.get("/login");
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("alice-password");
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        browser.waitUntil("signed in", driver -> browser.path().equals("/"));
        browser.get("/passkeys/manage");
        PasskeysPage.at(browser).addPasskey("Laptop");
        // The first call was refused for the meta tag's token, and sent again with the cookie's; the tab remembers,
        // so the next page's calls are not refused first.
        PasskeysPage again = PasskeysPage.at(browser).reload();
        browser.driver().manage().logs().get(LogType.BROWSER).getAll();
        again.rename("Laptop", "Work laptop");
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(message -> message.contains("403"));

        browser.forgetSession();
        browser.get("/app.html");
        // As before the app's first request: no token anywhere (Spring Security sets the cookie as pages load).
        browser.driver().manage().deleteCookieNamed("XSRF-TOKEN");
        browser.driver().findElement(By.cssSelector("[data-passkey-signin]")).click();

        browser.waitUntil(
                "the app's answer", driver -> !browser.text(By.id("who")).isEmpty());
        assertThat(browser.text(By.id("who"))).isEqualTo("{\"user\":\"alice\"}");
        assertThat(browser.path())
                .as("no navigation to an undefined redirectUrl")
                .isEqualTo("/app.html");
        assertThat(browser.text(By.cssSelector("[data-passkey-error]"))).isEmpty();
        browser.get("/");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .isEqualTo("alice PasskeyAuthenticationToken");

        // A handler that redirects: the client follows it, as a form sign-in would.
        browser.forgetSession();
        browser.get("/app.html");
        browser.driver().manage().addCookie(new Cookie("answer", "redirect"));
        browser.driver().findElement(By.cssSelector("[data-passkey-signin]")).click();
        browser.waitUntil(
                "the home page the handler pointed to", driver -> browser.path().equals("/"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .isEqualTo("alice PasskeyAuthenticationToken");
    }

    /**
     * A password sign-in inside the page (no reload): {@code Passkeys.offerUpgrade()} runs the passkey offer that the
     * page wired at load, when it was signed out and answered "none".
     */
    @Test
    void theUpgradeOfferRunsAgainAfterAnInPageSignIn() {
        browser.get("/app.html");
        browser.waitUntil("the signed-out offer", driver -> "none".equals(upgradeState()));

        Object signedIn = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        (async () => {
                          await fetch('/login');
                          const token = decodeURIComponent(document.cookie.split('; ')
                              .find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1]);
                          const signIn = await fetch('/login', { method: 'POST', headers: {
                              'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token },
                              body: 'username=bob&password=bob-password' });
                          Passkeys.offerUpgrade(); // not awaited: a conditional offer waits for the browser
                          return (await fetch('/')).text();
                        })().then(done, e => done('failed: ' + e));
                        """);

        assertThat(signedIn).isEqualTo("bob UsernamePasswordAuthenticationToken");
        browser.waitUntil(
                "the offer to the user now signed in",
                driver -> List.of("conditional", "prompt", "created").contains(upgradeState()));
        assertThat(browser.path()).isEqualTo("/app.html");
    }

    private String upgradeState() {
        return browser.driver()
                .findElement(By.cssSelector("[data-passkey-upgrade]"))
                .getDomAttribute("data-state");
    }

    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SinglePageApp.Pages.class)
    static class SinglePageApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/app.html")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .csrf(csrf -> csrf.spa())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallAppUsers.named("alice", "bob"); // bob has no passkey: the upgrade offer's user
        }

        /**
         * The app's own answer to a passkey sign-in: JSON for its front end, no redirect; or, for a browser with the
         * cookie {@code answer=redirect}, a redirect to its home page, as Spring's own URL success handlers answer.
         */
        @Bean
        PasskeySignInHandlers passkeySignInHandlers() {
            return PasskeySignInHandlers.success((request, response, authentication) -> {
                if (request.getCookies() != null
                        && Arrays.stream(request.getCookies())
                                .anyMatch(c -> c.getName().equals("answer")
                                        && c.getValue().equals("redirect"))) {
                    response.sendRedirect("/");
                    return;
                }
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("{\"user\":\"" + authentication.getName() + "\"}");
            });
        }

        @RestController
        static class Pages {
            @GetMapping("/")
            String home(Authentication authentication) {
                return authentication.getName() + " "
                        + authentication.getClass().getSimpleName();
            }

            /** The app's static page: no meta tags, no token in it. */
            @GetMapping(path = "/app.html", produces = MediaType.TEXT_HTML_VALUE)
            String page() {
                return """
                        <!DOCTYPE html>
                        <html lang="en"><head><meta charset="utf-8"><title>App</title>
                        <script src="/passkeys/passkeys.js" defer></script></head>
                        <body><main><h1>App</h1>
                        <button type="button" data-passkey-signin>Sign in with a passkey</button>
                        <p data-passkey-error role="alert"></p><p id="who"></p>
                        <div data-passkey-upgrade></div></main>
                        <script>
                          document.addEventListener('passkeys:signed-in',
                            event => { document.getElementById('who').textContent = JSON.stringify(event.detail); });
                        </script></body></html>
                        """;
            }
        }
    }
}
