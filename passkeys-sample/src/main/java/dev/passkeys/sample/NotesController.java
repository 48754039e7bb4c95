package dev.passkeys.sample;

import dev.passkeys.spring.security.PasskeyAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
        model.addAttribute("how", authentication instanceof PasskeyAuthenticationToken ? "passkey" : "password");
        model.addAttribute("notes", notes.of(user.id()));
        return "home";
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
