package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.dbnodes.NodeApplication;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyUserRepository;
import io.github.passkeys4j.spring.jdbc.PasskeysTables;
import io.github.passkeys4j.spring.jdbc.VersionOneRows;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.net.http.HttpResponse;
import java.util.Set;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app upgraded from a release before the version table, on real PostgreSQL: the old release's tables (exactly
 * what migration V1 makes, which is that release's schema file) hold a passkey registered then; the new release starts on them
 * ({@code initialize-schema=always}), records the schema version, and the old passkey signs in over HTTP.
 */
class SchemaUpgradeTest {

    @Test
    void aPasskeyStoredByTheOldSchemaSignsInAfterTheUpgrade() {
        JdbcTemplate jdbc = PostgresForTests.jdbc();
        PasskeysTables.dropAll(jdbc);
        new ResourceDatabasePopulator(
                        new DefaultResourceLoader()
                                .getResource(
                                        "classpath:io/github/passkeys4j/spring/jdbc/migration/postgresql/V1__passkeys_tables.sql"))
                .execute(jdbc.getDataSource());
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        RelyingParty before = RelyingParty.builder("localhost", "Before the upgrade")
                .origins(Set.of("http://localhost:*"))
                .passkeys(new InMemoryPasskeyRepository())
                .users(new JdbcPasskeyUserRepository(jdbc))
                .build();
        Passkey old = before.finishRegistration(FinishRegistration.of(
                "user-7",
                phone.register(before.startRegistration(StartRegistration.forUser("user-7")), "http://localhost:1")));
        // The old release's row: today's repository writes columns the V1 table lacks.
        VersionOneRows.insert(jdbc, old);

        try (ConfigurableApplicationContext node = NodeApplication.start(PostgresForTests.properties())) {
            HttpSession session = new HttpSession(NodeApplication.port(node));

            HttpResponse<String> signedIn = signIn(session, phone, new Tamper());

            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            HttpResponse<String> list = session.get("/passkeys/credentials");
            assertThat(json(list)).singleElement().satisfies(p -> {
                assertThat(p.path("id").asString()).isEqualTo(old.credentialId());
                assertThat(p.path("attestationTrusted").isBoolean()).isTrue();
                assertThat(p.path("attestationTrusted").asBoolean()).isFalse();
            });
        }
        assertThat(jdbc.queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }
}
