package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.UserVerification;
import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.StorageTransaction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The auto-configuration alone: which beans it makes, from which properties, and that it backs off. */
class PasskeysAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    @Test
    void withoutDataSourceStorageIsInMemoryAndDefaultsAreSafe() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RelyingParty.class);
            assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(InMemoryPasskeyRepository.class);
            assertThat(context.getBean(PendingCeremonyStore.class)).isInstanceOf(InMemoryPendingCeremonyStore.class);
            RelyingParty rp = context.getBean(RelyingParty.class);
            assertThat(rp.rpId()).isEqualTo("localhost");
            assertThat(rp.userVerification()).isEqualTo(UserVerification.REQUIRED);
            assertThat(rp.origins()).containsExactlyInAnyOrder("http://localhost:*", "https://localhost:*");
        });
    }

    @Test
    void withDataSourceStorageIsJdbcAndTablesAreCreatedOnEmbeddedDatabase() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(JdbcPasskeyRepository.class);
                    assertThat(context.getBean(PendingCeremonyStore.class))
                            .isInstanceOf(JdbcPendingCeremonyStore.class);
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("select count(*) from passkeys_credential", Integer.class))
                            .isZero();
                    assertThat(jdbc.queryForObject("select count(*) from passkeys_user", Integer.class))
                            .isZero();
                });
    }

    @Test
    void registrationWritesRollBackTogetherOnJdbc() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:rollback;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    PasskeyRepository passkeys = context.getBean(PasskeyRepository.class);
                    Passkey passkey = Passkey.builder()
                            .credentialId("cred-1")
                            .userHandle("handle-1")
                            .publicKey("key")
                            .backupEligible(true)
                            .backupState(true)
                            .uvInitialized(true)
                            .createdAt(Instant.now())
                            .name("Laptop")
                            .build();
                    assertThatThrownBy(() -> context.getBean(StorageTransaction.class)
                                    .run(() -> {
                                        passkeys.add(passkey);
                                        throw new IllegalStateException("the second write failed");
                                    }))
                            .hasMessage("the second write failed");
                    assertThat(passkeys.findByCredentialId("cred-1")).isEmpty();
                });
    }

    @Test
    void schemaInitializationCanBeTurnedOff() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:noschema;DB_CLOSE_DELAY=-1",
                        "passkeys.jdbc.initialize-schema=never")
                .run(context -> {
                    // Nothing created, and the missing tables stop the start (MissingTablesStartupTest has the report).
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasRootCauseInstanceOf(MissingPasskeysTablesException.class);
                    JdbcTemplate jdbc = new JdbcTemplate(
                            new DriverManagerDataSource("jdbc:h2:mem:noschema;DB_CLOSE_DELAY=-1", "sa", ""));
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from information_schema.tables "
                                            + "where lower(table_name) like 'passkeys%'",
                                    Integer.class))
                            .isZero();
                });
    }

    @Test
    void withoutSpringJdbcOnTheClasspathStorageIsInMemory() {
        runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
                .run(context -> assertThat(context.getBean(PasskeyRepository.class))
                        .isInstanceOf(InMemoryPasskeyRepository.class));
    }

    @Test
    void propertiesReachTheRelyingParty() {
        runner.withPropertyValues(
                        "passkeys.rp-id=example.com",
                        "passkeys.rp-name=Example",
                        "passkeys.origins=https://example.com,https://login.example.com",
                        "passkeys.user-verification=preferred",
                        "passkeys.ceremony-timeout=2m")
                .run(context -> {
                    RelyingParty rp = context.getBean(RelyingParty.class);
                    assertThat(rp.rpId()).isEqualTo("example.com");
                    assertThat(rp.origins())
                            .containsExactlyInAnyOrder("https://example.com", "https://login.example.com");
                    assertThat(rp.userVerification()).isEqualTo(UserVerification.PREFERRED);
                    assertThat(rp.startAuthentication(io.github.passkeys4j.StartAuthentication.discoverable())
                                    .timeout())
                            .isEqualTo(120_000L);
                });
    }

    @Test
    void nonLocalhostRpIdDefaultsToItsHttpsOrigin() {
        runner.withPropertyValues("passkeys.rp-id=example.com")
                .run(context -> assertThat(context.getBean(RelyingParty.class).origins())
                        .containsExactly("https://example.com"));
    }

    @Test
    void badSettingsFailStartupWithAClearMessage() {
        runner.withPropertyValues("passkeys.rp-id=https://example.com")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("passkeys.rp-id: https://example.com is a URL, not a domain"));
        runner.withPropertyValues("passkeys.origins=https://example.com/login")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("passkeys.origins: https://example.com/login has a path"));
    }

    @Test
    void providersFileReplacesTheBundledList() {
        runner.run(context -> assertThat(context.getBean(PasskeyProviderDirectory.class)
                        .find(UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")))
                .isPresent());
        runner.withPropertyValues("passkeys.providers-file=classpath:empty-providers.json")
                .run(context -> assertThat(
                                context.getBean(PasskeyProviderDirectory.class).size())
                        .isZero());
    }

    @Test
    void applicationBeansWin() {
        RelyingParty own = RelyingParty.builder("example.org", "Own").build();
        runner.withBean(RelyingParty.class, () -> own)
                .withBean(PasskeyRepository.class, InMemoryPasskeyRepository::new)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:own;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context.getBean(RelyingParty.class)).isSameAs(own);
                    assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(InMemoryPasskeyRepository.class);
                });
    }
}
