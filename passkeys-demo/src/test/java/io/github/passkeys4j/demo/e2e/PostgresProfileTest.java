package io.github.passkeys4j.demo.e2e;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's {@code postgres} profile on the PostgreSQL server scripts/postgres.sh starts. */
@ActiveProfiles("postgres")
class PostgresProfileTest extends DatabaseProfileTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        server(registry, "POSTGRES", "postgres");
    }

    @Override
    String product() {
        return "PostgreSQL";
    }
}
