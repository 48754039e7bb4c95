package io.github.passkeys4j.sample;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin} (role ADMIN): how many accounts there are. */
@Controller
class AdminController {

    private final JdbcClient jdbc;

    AdminController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute(
                "accounts",
                jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single());
        return "admin";
    }
}
