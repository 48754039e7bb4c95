package io.github.passkeys4j.demo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the login page; Spring Security's form login handles {@code POST /login}, the starter the passkey. */
@Controller
final class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
