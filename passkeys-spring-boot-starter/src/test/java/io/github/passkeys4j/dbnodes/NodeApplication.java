package io.github.passkeys4j.dbnodes;

import io.github.passkeys4j.spring.account.AccountSignInMethods;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app node of a cluster on a shared database: form login for users {@code user-0} … {@code user-99} (password
 * {@code pw}), and no account has a way in besides its passkeys, so the last-way-in guard applies to everyone. The
 * tests start two of it in one JVM on their own ports. (Outside {@code io.github.passkeys4j.spring}, so the starter
 * tests' app does not scan it.)
 */
@SpringBootApplication
public class NodeApplication {

    /** Starts a node on a free port with these properties (the database's among them). */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // No spring.application.name: Boot copies it to a JVM-wide logging property that later tests would show.
        return new SpringApplicationBuilder(NodeApplication.class)
                .properties(properties)
                .properties(Map.of("server.port", 0, "spring.main.banner-mode", "off"))
                .run();
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.permitAll())
                .build();
    }

    @Bean
    UserDetailsService users() {
        List<UserDetails> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add(User.withUsername("user-" + i)
                    .password("{noop}pw")
                    .roles("USER")
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AccountSignInMethods passkeysOnly() {
        return username -> false;
    }

    @RestController
    static class Csrf {
        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        /** An app page behind sign-in. */
        @GetMapping("/whoami")
        Map<String, String> whoami(java.security.Principal user) {
            return Map.of("name", user.getName());
        }
    }
}
