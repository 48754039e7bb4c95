package io.github.passkeys4j.demo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in home page, the passkeys page and {@code GET /me}, which say who the user is and how they signed in. */
@Controller
final class HomeController {

    /** The body of {@code GET /me}. */
    record Me(String username, String authenticatedWith) {}

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("username", authentication.getName());
        model.addAttribute("how", SignInMethod.of(authentication).label());
        return "home";
    }

    /** The passkeys page in the demo's own layout (templates/passkeys.html); the starter's stays at /passkeys/manage. */
    @GetMapping("/account/passkeys")
    String passkeys(Authentication authentication, Model model) {
        model.addAttribute("username", authentication.getName());
        return "passkeys";
    }

    @GetMapping("/me")
    @ResponseBody
    ResponseEntity<?> me(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "Sign in first: /me describes the signed-in user.");
            problem.setTitle("Not signed in");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        return ResponseEntity.ok(
                new Me(authentication.getName(), SignInMethod.of(authentication).label()));
    }
}
