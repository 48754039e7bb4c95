package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A bug behind an endpoint (here the app's display names throw) is a 500 problem; the trace stays in the log. */
@SpringBootTest(
        classes = {TestApplication.class, UnexpectedErrorTest.BrokenDisplayNames.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:unexpected;DB_CLOSE_DELAY=-1")
class UnexpectedErrorTest {

    @LocalServerPort
    int port;

    @Test
    void aServerErrorIsAProblemWithoutDetails() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> response = alice.post("/passkeys/registration/options", "{}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asString()).startsWith("The server could not complete this request");
        assertThat(response.body()).doesNotContain("profile store", "Exception", "at dev.");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenDisplayNames {
        @Bean
        @Primary
        PasskeyDisplayNames brokenDisplayNames() {
            return authentication -> {
                throw new IllegalStateException("profile store unreachable");
            };
        }
    }
}
