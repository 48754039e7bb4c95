package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.security.PasskeyStepUp;
import io.github.passkeys4j.spring.security.RecentPasskey;
import io.github.passkeys4j.testing.TestClock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app that guards {@code /danger/**} with {@code PasskeyStepUp.recentPasskey(5 min)}, a service method with
 * {@code @RecentPasskey(minutes = 2)}, and the starter's passkey deletion with {@code passkeys.step-up.actions}. Its
 * relying party runs on a {@link TestClock}, and sign-in accepts passkeys without user verification, so the tests can
 * show that those never count for a step-up. Not {@code @SpringBootConfiguration}: other tests would find it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableMethodSecurity
@Import({StepUpApp.Endpoints.class, StepUpApp.Vault.class})
class StepUpApp {

    static final TestClock CLOCK = new TestClock(Instant.now());

    static ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database + ";DB_CLOSE_DELAY=-1",
                "--spring.main.banner-mode=off",
                "--passkeys.user-verification=preferred",
                "--passkeys.step-up.actions=delete-passkey"));
        args.addAll(List.of(more));
        return SpringApplication.run(StepUpApp.class, args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/csrf")
                        .permitAll()
                        .requestMatchers("/danger/**")
                        .access(PasskeyStepUp.recentPasskey(Duration.ofMinutes(5), CLOCK))
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.permitAll())
                .build();
    }

    /** The starter's relying party, on the test clock. */
    @Bean
    static BeanPostProcessor testClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RelyingParty rp
                        ? rp.toBuilder().clock(CLOCK).build()
                        : bean;
            }
        };
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice")
                        .password("{noop}alice-password")
                        .roles("USER")
                        .build(),
                User.withUsername("bob")
                        .password("{noop}bob-password")
                        .roles("USER")
                        .build(),
                // dave has no password: his passkey is his only way in.
                User.withUsername("dave").password("").roles("USER").build());
    }

    @Service
    static class Vault {
        @RecentPasskey(minutes = 2)
        public String open() {
            return "open";
        }
    }

    @RestController
    static class Endpoints {
        private final Vault vault;

        Endpoints(Vault vault) {
            this.vault = vault;
        }

        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        @GetMapping("/danger/page")
        Map<String, String> danger(Authentication authentication) {
            return Map.of("name", authentication.getName());
        }

        /** A form's action that needs a recent passkey. */
        @PostMapping("/danger/transfer")
        Map<String, String> transfer(Authentication authentication) {
            return Map.of("sent", authentication.getName());
        }

        @GetMapping("/vault")
        Map<String, String> vault() {
            return Map.of("vault", vault.open());
        }

        @GetMapping("/whoami")
        Map<String, Object> whoami(Authentication authentication) {
            return Map.of(
                    "name",
                    authentication.getName(),
                    "type",
                    authentication.getClass().getSimpleName(),
                    "authorities",
                    authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .sorted()
                            .toList());
        }
    }
}
