package io.github.passkeys4j.overlap;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 7: "Refuse a base path ... that overlaps the app's at start-up." */
class OverlappingBasePathTest {

    @RestController
    static class AppApi {
        @PostMapping("/api/upload")
        String upload(@RequestBody String body) {
            return "stored " + body.length();
        }
    }

    @Test
    void aBasePathOverTheAppsOwnEndpointsStopsStartUp() {
        SpringApplication app = new SpringApplication(TestApplication.class, AppApi.class);
        assertThatThrownBy(() -> app.run(
                                "--server.port=0",
                                "--passkeys.base-path=/api",
                                "--spring.datasource.url=jdbc:h2:mem:overlap;DB_CLOSE_DELAY=-1")
                        .close())
                .hasMessageContaining("passkeys.base-path");
    }
}
