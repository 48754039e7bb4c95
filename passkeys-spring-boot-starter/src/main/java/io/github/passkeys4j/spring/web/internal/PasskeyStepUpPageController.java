package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Map;

/**
 * {@code GET <base>/step-up}: "Confirm it's you", where a signed-in user is sent when an action needs a recent passkey
 * confirmation. Its button runs the step-up (passkeys.js) and goes back to the request that asked for it, or to the
 * same-site path in {@code ?returnTo=} (checked by the server, never another site).
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyStepUpPageController {

    private final String basePath;
    private final PasskeysMessages messages;
    private final String page;

    public PasskeyStepUpPageController(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
        this.page = ClientFiles.readPage("step-up.html");
    }

    @GetMapping("/step-up")
    public ResponseEntity<String> stepUp(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        return SignedInPage.render(page, Map.of(), basePath, messages, authentication, request, response);
    }
}
