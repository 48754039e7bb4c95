package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Printable;
import io.github.passkeys4j.spring.internal.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.Map;

/**
 * {@code GET <base>/step-up}: "Confirm it's you", where a signed-in user is sent when an action needs a recent passkey
 * confirmation. Its button runs the step-up (passkeys.js) and goes back to the request that asked for it, or to the
 * same-site path in {@code ?returnTo=} (checked by the server, never another site).
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyStepUpPageController {

    private static final Log log = LogFactory.getLog(PasskeyStepUpPageController.class);

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
            @RequestParam(name = "returnTo", required = false) String returnTo,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (returnTo != null && !ReturnPaths.isAppPath(returnTo, request.getContextPath())) {
            // Refused now, not after the user confirmed with a passkey: the page without it, which goes back to the
            // request that asked for the step-up, or the app's start.
            log.info(
                    "Step-up page asked to return to " + Printable.of(returnTo) + ", not a path of this app: left out");
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(request.getContextPath() + basePath + "/step-up"))
                    .build();
        }
        return SignedInPage.render(page, Map.of(), basePath, messages, authentication, request, response);
    }
}
