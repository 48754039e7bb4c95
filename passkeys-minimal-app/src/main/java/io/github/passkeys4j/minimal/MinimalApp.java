package io.github.passkeys4j.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.security.Principal;
import java.util.Map;

/** An app with form login and its own login page, as the README's four steps leave it; nothing passkey-specific. */
@SpringBootApplication
public class MinimalApp {

    public static void main(String[] args) {
        SpringApplication.run(MinimalApp.class, args);
    }

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("alice")
                .password("{noop}alice-password")
                .roles("USER")
                .build());
    }

    @Controller
    static class Pages {
        @GetMapping("/login")
        String login() {
            return "login";
        }

        @GetMapping("/")
        String home(Principal principal, org.springframework.ui.Model model) {
            model.addAllAttributes(Map.of("name", principal.getName()));
            return "home";
        }
    }
}
