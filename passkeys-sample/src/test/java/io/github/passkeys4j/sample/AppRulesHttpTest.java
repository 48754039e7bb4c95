package io.github.passkeys4j.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (e) The rules Acme Notes writes hold on the passkey paths: managing passkeys needs role USER
 * ({@code .requestMatchers("/passkeys/**").hasRole("USER")}), so the seeded GUEST account gets 403 on the management
 * endpoints, while what must be anonymous (sign-in options, the script) still answers everyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppRulesHttpTest {

    @LocalServerPort
    int port;

    @Test
    void accountWithoutRoleUserGets403OnPasskeyManagement() {
        SampleHttp guest = new SampleHttp(port).signedIn("guest", "guest password");
        assertThat(guest.get("/").statusCode())
                .as("a guest may use the app itself")
                .isEqualTo(200);

        HttpResponse<String> list = guest.get("/passkeys/credentials");
        assertThat(list.statusCode())
                .as("GET /acme/passkeys/credentials as GUEST: %s", list.body())
                .isEqualTo(403);
        HttpResponse<String> options = guest.json("POST", "/passkeys/registration/options", "{}", "/");
        assertThat(options.statusCode())
                .as("POST /acme/passkeys/registration/options as GUEST: %s", options.body())
                .isEqualTo(403);
        assertThat(options.body()).doesNotContain("challenge");
        assertThat(guest.get("/passkeys/manage").statusCode())
                .as("the passkeys page as GUEST")
                .isEqualTo(403);
        assertThat(guest.get("/passkeys/signals").statusCode())
                .as("GET /acme/passkeys/signals as GUEST")
                .isEqualTo(403);
        assertThat(guest.json("POST", "/passkeys/registration", "{\"credential\": {}}", "/")
                        .statusCode())
                .as("POST /acme/passkeys/registration as GUEST")
                .isEqualTo(403);
        assertThat(guest.json("DELETE", "/passkeys/credentials/AAAAAAAAAAAAAAAAAAAAAA", null, "/")
                        .statusCode())
                .as("DELETE /acme/passkeys/credentials/{id} as GUEST")
                .isEqualTo(403);
    }

    @Test
    void accountWithRoleUserManagesPasskeys() {
        String username = "ruled-" + UUID.randomUUID().toString().substring(0, 8);
        SampleHttp user = new SampleHttp(port);
        user.signUp(username, "correct horse battery");
        user.signedIn(username, "correct horse battery");
        assertThat(user.get("/passkeys/credentials").statusCode()).isEqualTo(200);
        assertThat(user.json("POST", "/passkeys/registration/options", "{}", "/")
                        .statusCode())
                .isEqualTo(200);
        assertThat(user.get("/passkeys/manage").statusCode()).isEqualTo(200);
        assertThat(user.get("/admin").statusCode())
                .as("the admin area needs ADMIN")
                .isEqualTo(403);

        SampleHttp admin = new SampleHttp(port).signedIn("admin", "admin password");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousSignInStillWorks() {
        SampleHttp anonymous = new SampleHttp(port);
        HttpResponse<String> options = anonymous.json("POST", "/passkeys/authentication/options", "{}", "/login");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(options.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(SampleHttp.body(options).path("challenge").asString()).isNotBlank();

        HttpResponse<String> script = anonymous.get("/passkeys/passkeys.js");
        assertThat(script.statusCode()).as("the login page's script").isEqualTo(200);

        HttpResponse<String> page = anonymous.get("/passkeys/manage");
        assertThat(page.statusCode())
                .as("the passkeys page sends strangers to the login page")
                .isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/acme/login"));
        HttpResponse<String> list = anonymous.get("/passkeys/credentials");
        assertThat(list.statusCode()).as("the passkey list for strangers").isIn(302, 401, 403);
        assertThat(list.body()).doesNotContain("\"id\"");
        assertThat(anonymous.get("/").statusCode())
                .as("anyRequest().authenticated()")
                .isEqualTo(302);
    }
}
