package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyRepository;
import io.github.passkeys4j.spring.jdbc.PasskeysJdbcSchemaInitializer;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.spring.web.internal.PasskeysController;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.StorageTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in each shape of app it meets, with web security as Boot sets it up: it boots, picks its storage, and
 * says in the log what it picked. A {@link FilteredClassLoader} plays the app without an optional module; the
 * {@code passkeys-minimal-app} module boots a real app whose classpath truly lacks them.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasskeysAppShapesTest {

    /** What an app made of spring-boot-starter-webmvc + security (+ thymeleaf) and our starter does not have. */
    static final FilteredClassLoader NO_JDBC_NO_MICROMETER_NO_SESSION = new FilteredClassLoader(
            "org.springframework.jdbc.",
            "org.springframework.boot.jdbc.",
            "org.springframework.boot.sql.",
            "org.springframework.transaction.",
            "io.micrometer.",
            "org.springframework.session.");

    private static final String IN_MEMORY_WARNING =
            "Passkeys for Java keeps passkeys in memory: they are lost on restart";

    private static final String DELETIONS_WARNING =
            "sees no UserDetailsManager whose deleteUser it follows: when your app deletes an account";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class,
                    PasskeysAutoConfiguration.class))
            .withUserConfiguration(AppUsers.class);

    private final WebApplicationContextRunner withDataSource = runner.withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class));

    @Test
    void withoutJdbcMicrometerOrSpringSessionItBootsInMemoryAndWarns(CapturedOutput output) {
        runner.withClassLoader(NO_JDBC_NO_MICROMETER_NO_SESSION).run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(RelyingParty.class)
                    .hasSingleBean(PasskeysController.class)
                    .hasSingleBean(SecurityFilterChain.class)
                    .doesNotHaveBean(PasskeysJdbcSchemaInitializer.class)
                    .doesNotHaveBean(StorageTransaction.class)
                    .doesNotHaveBean(CeremonyObserver.class);
            assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(InMemoryPasskeyRepository.class);
            assertThat(context.getBean(PasskeyUserRepository.class)).isInstanceOf(InMemoryPasskeyUserRepository.class);
            assertThat(context.getBean(PendingCeremonyStore.class)).isInstanceOf(InMemoryPendingCeremonyStore.class);
        });
        assertThat(output)
                .contains("Passkeys for Java: rp-id localhost, origins [http://localhost:*, "
                        + "https://localhost:*], storage in memory, user verification required")
                .contains("WARN")
                .contains(IN_MEMORY_WARNING);
    }

    @Test
    void withADataSourcePasskeysAreKeptInTheDatabase(CapturedOutput output) {
        withDataSource
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:shape-jdbc;DB_CLOSE_DELAY=-1",
                        "passkeys.rp-id=example.com",
                        "passkeys.user-verification=preferred")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(SecurityFilterChain.class)
                            .hasSingleBean(StorageTransaction.class);
                    assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(JdbcPasskeyRepository.class);
                });
        assertThat(output)
                .contains("Passkeys for Java: rp-id example.com, origins [https://example.com], "
                        + "storage JDBC (H2), user verification preferred")
                .doesNotContain(IN_MEMORY_WARNING);
    }

    @Test
    void withSpringSessionJdbcBesideItBothUseTheDatabase() {
        withDataSource
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:shape-session;DB_CLOSE_DELAY=-1")
                .withUserConfiguration(JdbcSessions.class)
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(JdbcIndexedSessionRepository.class)
                            .hasSingleBean(SecurityFilterChain.class)
                            .hasSingleBean(RelyingParty.class);
                    assertThat(context.getBean(PasskeyRepository.class)).isInstanceOf(JdbcPasskeyRepository.class);
                });
    }

    @Test
    void theAppsOwnRepositoriesWinOverJdbc(CapturedOutput output) {
        PasskeyRepository own = (PasskeyRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PasskeyRepository.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("not used at start-up");
                });
        PasskeyUserRepository ownUsers = new InMemoryPasskeyUserRepository();
        PendingCeremonyStore ownPending = new InMemoryPendingCeremonyStore();
        withDataSource
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:shape-own;DB_CLOSE_DELAY=-1")
                .withBean(PasskeyRepository.class, () -> own)
                .withBean(PasskeyUserRepository.class, () -> ownUsers)
                .withBean(PendingCeremonyStore.class, () -> ownPending)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PasskeyRepository.class)).isSameAs(own);
                    assertThat(context.getBean(PasskeyUserRepository.class)).isSameAs(ownUsers);
                    assertThat(context.getBean(PendingCeremonyStore.class)).isSameAs(ownPending);
                });
        assertThat(output)
                .contains("storage the app's own (" + own.getClass().getName() + ")")
                .doesNotContain(IN_MEMORY_WARNING)
                // The in-memory ones it gave itself are named; the JDBC ones beside them are not.
                .contains("Passkeys for Java keeps accounts, pending ceremonies in memory, beside passkeys in the app's"
                        + " own")
                .doesNotContain("used challenges in memory");
    }

    @Test
    void theAppsOwnPasskeyStoresWithoutADataSourceAreWarnedOfWhatStaysInMemory(CapturedOutput output) {
        PasskeyRepository own = (PasskeyRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PasskeyRepository.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("not used at start-up");
                });
        runner.withClassLoader(NO_JDBC_NO_MICROMETER_NO_SESSION)
                .withBean(PasskeyRepository.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output)
                .doesNotContain(IN_MEMORY_WARNING)
                .contains("WARN")
                .contains("Passkeys for Java keeps accounts, pending ceremonies, used challenges, challenge keys,"
                        + " recovery codes in memory, beside passkeys in the app's own (")
                .contains("right for one instance only");
    }

    @Test
    void usersThatAreNoUserDetailsManagerWithoutAnAccountIdResolverAreWarnedOfDeletions(CapturedOutput output) {
        lookupOnlyUsers().run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains(DELETIONS_WARNING);
    }

    @Test
    void anAccountIdResolverOrAFollowedUserDetailsManagerNeedsNoDeletionWarning(CapturedOutput output) {
        runner.withClassLoader(NO_JDBC_NO_MICROMETER_NO_SESSION)
                .run(context -> assertThat(context).hasNotFailed());
        lookupOnlyUsers()
                .withBean(AccountIdResolver.class, () -> user -> "id-" + user.getUsername())
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain(DELETIONS_WARNING);
    }

    /**
     * Two user managers (admins, customers) behind a primary service that asks both: the start-up log, which looks
     * for managers, must not stop start-up.
     */
    @Test
    void twoUserDetailsManagersBehindAPrimaryServiceStart() {
        InMemoryUserDetailsManager admins = new InMemoryUserDetailsManager();
        InMemoryUserDetailsManager customers = new InMemoryUserDetailsManager();
        UserDetailsService both = username -> admins.userExists(username)
                ? admins.loadUserByUsername(username)
                : customers.loadUserByUsername(username);
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class,
                        PasskeysAutoConfiguration.class))
                .withClassLoader(NO_JDBC_NO_MICROMETER_NO_SESSION)
                .withBean("admins", InMemoryUserDetailsManager.class, () -> admins)
                .withBean("customers", InMemoryUserDetailsManager.class, () -> customers)
                .withBean("users", UserDetailsService.class, () -> both, definition -> definition.setPrimary(true))
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** An app whose users the starter can look up but not follow: a UserDetailsService that is no manager. */
    private static WebApplicationContextRunner lookupOnlyUsers() {
        UserDetailsService lookupOnly = username ->
                User.withUsername(username).password("{noop}pw").roles("USER").build();
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class,
                        PasskeysAutoConfiguration.class))
                .withClassLoader(NO_JDBC_NO_MICROMETER_NO_SESSION)
                .withBean(UserDetailsService.class, () -> lookupOnly);
    }

    @Test
    void withMicrometerCeremoniesAreObserved() {
        runner.run(context -> assertThat(context).hasSingleBean(CeremonyObserver.class));
    }

    // No @Configuration on these: the test app's component scan must never pick them up.
    static class AppUsers {
        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice")
                    .password("{noop}pw")
                    .roles("USER")
                    .build());
        }
    }

    @EnableJdbcHttpSession
    static class JdbcSessions {}
}
