package io.github.passkeys4j.spring.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Map;

/** What the small apps of these tests share: users whose password is "{name}-password", GET /csrf and GET /hello. */
final class SmallApps {

    private SmallApps() {}

    static UserDetailsService users(String... names) {
        return new InMemoryUserDetailsManager(Arrays.stream(names)
                .map(name -> User.withUsername(name)
                        .password("{noop}" + name + "-password")
                        .roles("USER")
                        .build())
                .toList());
    }

    /** The CSRF token, as {@link HttpSession#csrf()} reads it. */
    @RestController
    static class Csrf {
        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }
    }

    /** Who is signed in: {@code {"hello": name}}. */
    @RestController
    static class Hello {
        @GetMapping("/hello")
        Map<String, String> hello(Authentication authentication) {
            return Map.of("hello", authentication.getName());
        }
    }
}
