package io.github.passkeys4j.sample;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two ways to open an account. With a password: the account is created and the user signs in on the login page.
 * Without one: the page's form goes to the starter's sign-up endpoints, which create the passkey first and then the
 * account ({@link PasskeySignUps}), and sign the new user in.
 * Invalid input shows the form again with 400, a taken username with 409.
 */
@Controller
class SignupController {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD_BYTES = 72; // what BCrypt reads

    private final AppUsers users;
    private final PasswordEncoder passwordEncoder;

    SignupController(AppUsers users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/signup")
    String passwordForm(Model model) {
        return form(model, "", Map.of(), "signup");
    }

    @PostMapping("/signup")
    String signUpWithPassword(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletResponse response) {
        username = Usernames.clean(username);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Usernames.valid(username)) {
            errors.put("username", Usernames.RULE);
        }
        if (password.length() < MIN_PASSWORD) {
            errors.put("password", "Use at least " + MIN_PASSWORD + " characters.");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.put("password", "Use at most " + MAX_PASSWORD_BYTES + " bytes (about 72 plain letters).");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, username, errors, "signup");
        }
        if (create(username, passwordEncoder.encode(password)) == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, username, Map.of("username", Usernames.TAKEN), "signup");
        }
        return "redirect:/login?signedUp";
    }

    @GetMapping("/signup/passkey")
    String passkeyForm(Model model) {
        return form(model, "", Map.of(), "signup-passkey");
    }

    /** The new account, or {@code null} when the username is taken (also by a request racing this one). */
    private AcmeUser create(String username, String passwordHash) {
        if (users.exists(username)) {
            return null;
        }
        try {
            return users.create(username, passwordHash);
        } catch (DuplicateKeyException e) {
            return null;
        }
    }

    private static String form(Model model, String username, Map<String, String> errors, String view) {
        model.addAttribute("username", username);
        model.addAttribute("errors", errors);
        return view;
    }
}
