package io.github.passkeys4j.sample;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; form login handles {@code POST /login}, the passkeys starter the passkey button. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
