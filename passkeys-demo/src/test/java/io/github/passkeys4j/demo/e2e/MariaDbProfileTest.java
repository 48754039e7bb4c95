package io.github.passkeys4j.demo.e2e;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's {@code mariadb} profile on the MariaDB server scripts/mariadb.sh starts. */
@ActiveProfiles("mariadb")
class MariaDbProfileTest extends DatabaseProfileTest {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) {
        server(registry, "MARIADB", "mariadb");
    }

    @Override
    String product() {
        return "MariaDB";
    }
}
