package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Thymeleaf fragments in an app's own template (templates/app-passkeys.html): the element, the CSRF
 * meta tags and our three files, whose URLs follow the context path and the base path as the starter reads it (here
 * {@code keys/}, which the starter takes as {@code /keys}); each URL answers.
 */
@SpringBootTest(
        classes = {TestApplication.class, ThymeleafFragmentTest.AppPage.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:thymeleaffragment;DB_CLOSE_DELAY=-1",
            "server.servlet.context-path=/app",
            "passkeys.base-path=keys/"
        })
class ThymeleafFragmentTest {

    @LocalServerPort
    int port;

    @Test
    void anAppsOwnPageCarriesThePasskeysElementAndItsFiles() {
        HttpSession alice = new HttpSession(port, "/app");
        alice.signInWithPassword("alice", "alice-password");

        HttpResponse<String> page = alice.get("/account/passkeys");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<header id=\"app-header\">",
                        "<passkeys-manager>",
                        "href=\"/app/keys/passkeys.css?v=",
                        "src=\"/app/keys/passkeys.js?v=",
                        "src=\"/app/keys/passkeys-manage.js?v=",
                        "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">",
                        "<p>Loading your passkeys… (this page needs JavaScript)</p>")
                .doesNotContain("th:", "@environment");
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();

        for (String file : new String[] {"passkeys.css", "passkeys.js", "passkeys-manage.js"}) {
            assertThat(alice.get("/keys/" + file).statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void theFragmentsTextFollowsTheRequestsLanguage() {
        HttpSession alice = new HttpSession(port, "/app");
        alice.signInWithPassword("alice", "alice-password");

        HttpResponse<String> german = alice.language("de-DE,de;q=0.9").get("/account/passkeys");
        assertThat(german.body())
                .contains("<p>Ihre Passkeys werden geladen … (diese Seite braucht JavaScript)</p>")
                .doesNotContain("Loading your passkeys");
        assertThat(alice.language("fr-FR").get("/account/passkeys").body())
                .contains("<p>Chargement de vos clés d&#39;accès… (cette page nécessite JavaScript)</p>");
        assertThat(alice.language("es-ES").get("/account/passkeys").body())
                .contains("<p>Cargando sus llaves de acceso… (esta página necesita JavaScript)</p>");
        HttpResponse<String> italian = alice.language("it-IT").get("/account/passkeys");
        assertThat(italian.body())
                .as("a language without a bundle: English")
                .contains("<p>Loading your passkeys… (this page needs JavaScript)</p>");
    }

    /** The app's page: a functional route, so that component scanning does not bring it into other tests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AppPage {
        @Bean
        RouterFunction<ServerResponse> appPasskeysPage() {
            return RouterFunctions.route()
                    .GET("/account/passkeys", request -> ServerResponse.ok().render("app-passkeys"))
                    .build();
        }
    }
}
