package io.github.passkeys4j.bench.baseline;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Creates a password user, as the demo's sign-up form does, so that the load generator's set-up is the same HTTP
 * conversation for every app (sign up, sign in with the password, add a passkey). Not measured.
 */
@RestController
final class SignupController {

    private final UserDetailsManager users;
    private final PasswordEncoder passwordEncoder;

    SignupController(UserDetailsManager users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @PostMapping("/signup")
    ResponseEntity<Void> signUp(@RequestParam String username, @RequestParam String password) {
        users.createUser(User.withUsername(username)
                .password(passwordEncoder.encode(password))
                .roles("USER")
                .build());
        return ResponseEntity.status(302)
                .location(URI.create("/login?signedUp"))
                .build();
    }
}
