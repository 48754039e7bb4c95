package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.fuzzapp.FuzzTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The test app on real Tomcat at a random port, started by the fuzz properties themselves (jqwik has no Spring test
 * context): once per database, for the rest of the test run (Spring's shutdown hook stops it).
 */
final class FuzzApp {

    private static final Map<String, FuzzApp> RUNNING = new ConcurrentHashMap<>();

    final ConfigurableApplicationContext context;
    final int port;
    final JdbcTemplate jdbc;

    private FuzzApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** The app on H2 in memory. */
    static FuzzApp h2() {
        return start("h2", () -> List.of("spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1"));
    }

    /**
     * The app on the PostgreSQL that {@code scripts/postgres.sh} started (its URL in the environment). The database
     * outlives test runs: the fuzz accounts' rows from an earlier run are deleted first (no other test uses them).
     */
    static FuzzApp postgres() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the"
                    + " repository root first (./scripts/test.sh does).");
        }
        String user = setting("PASSKEYS_TEST_POSTGRES_USER");
        String password = setting("PASSKEYS_TEST_POSTGRES_PASSWORD");
        return start("postgres", () -> {
            new JdbcTemplate(new DriverManagerDataSource(url, user, password))
                    .execute("DO $$ BEGIN IF to_regclass('passkeys_user') IS NOT NULL THEN"
                            + " DELETE FROM passkeys_credential WHERE user_handle IN (SELECT user_handle FROM"
                            + " passkeys_user WHERE username IN " + FuzzTestApplication.USERNAMES + ");"
                            + " DELETE FROM passkeys_user WHERE username IN " + FuzzTestApplication.USERNAMES + ";"
                            + " END IF; END $$");
            return List.of(
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=" + user,
                    "spring.datasource.password=" + password,
                    "passkeys.jdbc.initialize-schema=always");
        });
    }

    HttpSession browser() {
        return new HttpSession(port);
    }

    HttpSession signedIn(String username, String password) {
        HttpSession session = browser();
        if (session.signInWithPassword(username, password).statusCode() != 302) {
            throw new IllegalStateException("password sign-in failed for " + username);
        }
        return session;
    }

    private static FuzzApp start(String name, Supplier<List<String>> properties) {
        return RUNNING.computeIfAbsent(name, n -> {
            List<String> all = new ArrayList<>(properties.get());
            all.add("server.port=0");
            all.add("spring.main.banner-mode=off");
            // Each refused try is logged by design; thousands of them would drown the test output.
            all.add("logging.level.io.github.passkeys4j=ERROR");
            all.add("logging.level.org.springframework.security=ERROR");
            return new FuzzApp(new SpringApplicationBuilder(FuzzTestApplication.class)
                    .properties(all.toArray(String[]::new))
                    .run());
        });
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "passkeys" : value;
    }
}
