package io.github.passkeys4j.sample;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The JSON API (chain {@code apiChain}, HTTP Basic) and the load balancer's ping (chain {@code pingChain}). */
@RestController
@RequestMapping("/api")
class NotesApi {

    /** {@code GET /api/notes}: the caller's notes, in the app's snake_case JSON. */
    record NotesBody(String username, long noteCount, List<Notes.Note> notes) {}

    private final Notes notes;

    NotesApi(Notes notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    NotesBody notes(@AuthenticationPrincipal AcmeUser user) {
        List<Notes.Note> list = notes.of(user.id());
        return new NotesBody(user.getUsername(), list.size(), list);
    }

    @GetMapping("/ping")
    Map<String, String> ping() {
        return Map.of("status", "ok");
    }
}
