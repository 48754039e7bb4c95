package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.security.PasskeyRecovery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app with a role rule on the passkey paths (the README's example): a recovery session has none of the user's
 * roles, so unless the rule lets {@link PasskeyRecovery#AUTHORITY} through, recovery is refused before a code is
 * spent (403 RECOVERY_UNAVAILABLE) instead of signing the user in to a 403 with the code gone; with the rule widened
 * as the log says, the recovery session reaches the page and adds a passkey.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryUnderRoleRulesHttpTest {

    private ConfigurableApplicationContext roleOnly;
    private ConfigurableApplicationContext widened;

    @BeforeAll
    void start() {
        roleOnly = start("jdbc:h2:mem:recovery-role-only", false);
        widened = start("jdbc:h2:mem:recovery-widened", true);
    }

    @AfterAll
    void stop() {
        roleOnly.close();
        widened.close();
    }

    @Test
    void aRuleThatRefusesRecoverySessionsRefusesRecoveryAndSpendsNoCode() {
        RelyingParty relyingParty = roleOnly.getBean(RelyingParty.class);
        List<String> codes = relyingParty.recoveryCodes().issue("alice");

        HttpSession browser = new HttpSession(port(roleOnly));
        HttpResponse<String> refused = recover(browser, "alice", codes.get(0));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("reason").asString()).isEqualTo("RECOVERY_UNAVAILABLE");
        assertThat(json(refused).path("message").asString()).contains("not used up");
        assertThat(relyingParty.recoveryCodes().remaining("alice")).isEqualTo(10);
        assertThat(browser.get("/hello").statusCode()).as("not signed in").isEqualTo(302);
        // The same answer for a name without an account: the rules are the app's, not the user's.
        HttpResponse<String> nobody = recover(new HttpSession(port(roleOnly)), "nobody", codes.get(0));
        assertThat(nobody.statusCode()).isEqualTo(403);
        assertThat(json(nobody).path("reason").asString()).isEqualTo("RECOVERY_UNAVAILABLE");
    }

    @Test
    void aRuleThatLetsRecoverySessionsThroughRecovers() {
        List<String> codes = widened.getBean(RelyingParty.class).recoveryCodes().issue("alice");

        HttpSession alice = new HttpSession(port(widened));
        HttpResponse<String> recovered = recover(alice, "alice", codes.get(0));

        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        assertThat(alice.get("/passkeys/manage").statusCode()).isEqualTo(200);
        alice.csrfFromPage("/passkeys/manage");
        HttpResponse<String> options = alice.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        // Still only a recovery session: the app's own pages stay out of reach.
        assertThat(alice.get("/hello").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> recover(HttpSession session, String username, String code) {
        return session.post(
                "/passkeys/recovery", HttpSession.JSON.writeValueAsString(Map.of("username", username, "code", code)));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String url, boolean widened) {
        return SpringApplication.run(
                RolesApp.class,
                "--server.port=0",
                "--spring.datasource.url=" + url + ";DB_CLOSE_DELAY=-1",
                "--spring.main.banner-mode=off",
                "--test.widened=" + widened);
    }

    /**
     * passkeys/** for users only: what the README shows, and what refuses a recovery session; with
     * {@code test.widened=true}, the same rule widened as the WARN says.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class RolesApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http, @Value("${test.widened:false}") boolean widened) throws Exception {
            return http.authorizeHttpRequests(a -> {
                        a.requestMatchers("/csrf").permitAll();
                        if (widened) {
                            a.requestMatchers("/passkeys/**").hasAnyAuthority("ROLE_USER", PasskeyRecovery.AUTHORITY);
                        } else {
                            a.requestMatchers("/passkeys/**").hasRole("USER");
                        }
                        a.anyRequest().authenticated();
                    })
                    .formLogin(form -> form.permitAll())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }
    }
}
