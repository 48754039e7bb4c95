package io.github.passkeys4j.sample;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: who is signed in, their notes, a box to add one. */
@Controller
class NotesController {

    static final int MAX_NOTE = 1000;

    private final Notes notes;

    NotesController(Notes notes) {
        this.notes = notes;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AcmeUser user, Authentication authentication, Model model) {
        model.addAttribute("username", user.getUsername());
        model.addAttribute("role", user.role().name());
        model.addAttribute("how", how(authentication));
        model.addAttribute("notes", notes.of(user.id()));
        return "home";
    }

    /**
     * "passkey" or "password", from the factor authority Spring Security 7 grants per way of signing in (the
     * starter grants FACTOR_WEBAUTHN); {@code null} right after a sign-up without a password.
     */
    private static String how(Authentication authentication) {
        for (var authority : authentication.getAuthorities()) {
            if (FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(authority.getAuthority())) {
                return "passkey";
            }
            if (FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority())) {
                return "password";
            }
        }
        return null;
    }

    @PostMapping("/notes")
    String add(@AuthenticationPrincipal AcmeUser user, @RequestParam(defaultValue = "") String text) {
        String note = text.strip();
        if (!note.isEmpty()) {
            notes.add(user.id(), note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note);
        }
        return "redirect:/";
    }
}
