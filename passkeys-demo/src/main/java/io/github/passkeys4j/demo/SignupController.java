package io.github.passkeys4j.demo;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Map;

/**
 * Creates password users, and shows the page that creates passkey-only users (through the starter's endpoints). On success it redirects to {@code /login?signedUp} rather than signing the user in, so
 * that signing in stays the login page's job (one place that sets up the session). Invalid input shows the form
 * again with 400, a taken username with 409.
 */
@Controller
@RequestMapping("/signup")
final class SignupController {

    private final UserDetailsManager users;
    private final PasswordEncoder passwordEncoder;

    SignupController(UserDetailsManager users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", SignupForm.empty());
        model.addAttribute("errors", Map.of());
        return "signup";
    }

    /** Sign-up with only a passkey: the page's form posts to the starter's sign-up endpoints (passkeys.js). */
    @GetMapping("/passkey")
    String passkeyForm() {
        return "signup-passkey";
    }

    @PostMapping
    String signUp(@ModelAttribute SignupForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty()) {
            if (!users.userExists(form.username()) && create(form)) {
                return "redirect:/login?signedUp";
            }
            errors = Map.of("username", "demo.signup.error.taken");
            response.setStatus(HttpStatus.CONFLICT.value());
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("errors", errors);
        return "signup";
    }

    /** False when another request created the same username in between. */
    private boolean create(SignupForm form) {
        try {
            users.createUser(User.withUsername(form.username())
                    .password(passwordEncoder.encode(form.password()))
                    .roles("USER")
                    .build());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
