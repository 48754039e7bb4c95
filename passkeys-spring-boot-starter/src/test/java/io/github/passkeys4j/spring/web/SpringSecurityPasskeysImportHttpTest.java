package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyUserRepository;
import io.github.passkeys4j.spring.jdbc.SpringSecurityPasskeysImport;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * An app that used Spring Security's own {@code http.webAuthn()} switches to ours: the passkeys its users made are in
 * Spring's tables (written here by Spring's own JDBC repositories), and with
 * {@code passkeys.jdbc.import-spring-security-passkeys=true} they sign in with our endpoints at once, username-less
 * (the authenticator answers with the user handle Spring gave it), as the app's user of that name, under their label.
 * The passkeys are moved, not copied, so a later run never brings back one deleted here; a Spring user the app does
 * not have, and an account that already has another user handle here, are left in Spring's tables and counted.
 */
class SpringSecurityPasskeysImportHttpTest {

    private static final Instant MADE = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void springSecuritysPasskeysSignInWithOursAfterTheImport() {
        String url = "jdbc:h2:mem:spring-security-import;DB_CLOSE_DELAY=-1";
        JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        new ResourceDatabasePopulator(
                        new ClassPathResource("org/springframework/security/user-entities-schema.sql"),
                        new ClassPathResource("org/springframework/security/user-credentials-schema.sql"))
                .execute(database.getDataSource());
        SoftwareAuthenticator alicesPhone = new SoftwareAuthenticator();
        Passkey made = madeWithSpringSecurity(database, alicesPhone, "alice", "Alice's phone");
        madeWithSpringSecurity(database, new SoftwareAuthenticator(), "ghost", "Nobody's key");
        // bob added a passkey through the starter before the import: his account has a user handle of its own here.
        SoftwareAuthenticator bobsPhone = new SoftwareAuthenticator();
        Passkey bobsOld = madeWithSpringSecurity(database, bobsPhone, "bob", "Bob's old key");
        new ResourceDatabasePopulator(new ClassPathResource("io/github/passkeys4j/spring/jdbc/schema-h2.sql"))
                .execute(database.getDataSource());
        new JdbcPasskeyUserRepository(database).create(PasskeyUser.newAccount("bob", "bob"));

        try (ConfigurableApplicationContext app = SpringApplication.run(
                SwitchedApp.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--passkeys.jdbc.import-spring-security-passkeys=true",
                "--spring.main.banner-mode=off")) {
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));

            HttpSession browser = new HttpSession(port);
            HttpResponse<String> signedIn = signIn(browser, alicesPhone, new Tamper());

            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            assertThat(browser.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");
            Passkey imported = app.getBean(PasskeyRepository.class)
                    .findByCredentialId(made.credentialId())
                    .orElseThrow();
            assertThat(imported.name()).isEqualTo("Alice's phone");
            assertThat(imported.createdAt()).isEqualTo(MADE);
            assertThat(imported.transports()).isEqualTo(made.transports());
            assertThat(imported.lastUsedAt()).as("the sign-in was recorded").isAfter(MADE);
            assertThat(app.getBean(PasskeyUserRepository.class)
                            .findByAccountId("alice")
                            .orElseThrow()
                            .userHandle())
                    .isEqualTo(made.userHandle());

            // Moved, not copied: alice's rows left Spring's tables in the same transaction; ghost's and bob's stay.
            assertThat(database.queryForList("SELECT name FROM user_entities ORDER BY name", String.class))
                    .containsExactly("bob", "ghost");
            assertThat(database.queryForObject(
                            "SELECT COUNT(*) FROM user_credentials WHERE credential_id = ?",
                            Integer.class,
                            made.credentialId()))
                    .isZero();
            assertThat(app.getBean(PasskeyRepository.class).findByCredentialId(bobsOld.credentialId()))
                    .as("left out: it would answer with the other user handle")
                    .isEmpty();
            // Refused, but not as a deleted passkey: without the credentialId that would have the browser forget it.
            HttpResponse<String> leftOut = signIn(new HttpSession(port), bobsPhone, new Tamper());
            assertThat(leftOut.statusCode()).isEqualTo(401);
            assertThat(HttpSession.json(leftOut).path("reason").asString()).isEqualTo("PASSKEY_NOT_MOVED");
            assertThat(HttpSession.json(leftOut).has("credentialId")).isFalse();

            // alice deletes it here (a lost phone): the next start-up's run must not bring it back.
            app.getBean(PasskeyRepository.class).delete(made.credentialId());
            SpringSecurityPasskeysImport again = new SpringSecurityPasskeysImport(
                    database,
                    new TransactionTemplate(new DataSourceTransactionManager(database.getDataSource())),
                    app.getBean(PasskeyRepository.class),
                    app.getBean(PasskeyUserRepository.class),
                    app.getBean(UserDetailsService.class),
                    AccountIdResolver.USERNAME,
                    Clock.systemUTC());
            assertThat(again.importAll()).isEqualTo(new SpringSecurityPasskeysImport.Result(0, 0, 1, 1));
            assertThat(app.getBean(PasskeyRepository.class).findByCredentialId(made.credentialId()))
                    .isEmpty();
            assertThat(signIn(new HttpSession(port), alicesPhone, new Tamper()).statusCode())
                    .isEqualTo(401);
        }
    }

    /** A passkey made as Spring Security's webAuthn() stores one: its user entity and credential record. */
    private static Passkey madeWithSpringSecurity(
            JdbcTemplate database, SoftwareAuthenticator authenticator, String username, String label) {
        RelyingParty scratch = RelyingParty.builder("localhost", "Before")
                .origins(Set.of("http://localhost:8080"))
                .passkeys(new InMemoryPasskeyRepository())
                .users(new InMemoryPasskeyUserRepository())
                .build();
        Passkey passkey = scratch.finishRegistration(FinishRegistration.of(
                username,
                authenticator.register(
                        scratch.startRegistration(StartRegistration.forUser(username)), "http://localhost:8080")));
        new JdbcPublicKeyCredentialUserEntityRepository(database)
                .save(ImmutablePublicKeyCredentialUserEntity.builder()
                        .name(username)
                        .id(Bytes.fromBase64(passkey.userHandle()))
                        .displayName(username)
                        .build());
        new JdbcUserCredentialRepository(database)
                .save(ImmutableCredentialRecord.builder()
                        .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                        .credentialId(Bytes.fromBase64(passkey.credentialId()))
                        .userEntityUserId(Bytes.fromBase64(passkey.userHandle()))
                        .publicKey(new ImmutablePublicKeyCose(
                                Base64.getUrlDecoder().decode(passkey.publicKey())))
                        .signatureCount(passkey.signCount())
                        .uvInitialized(passkey.uvInitialized())
                        .transports(passkey.transports().stream()
                                .map(AuthenticatorTransport::valueOf)
                                .collect(Collectors.toSet()))
                        .backupEligible(passkey.backupEligible())
                        .backupState(passkey.backupState())
                        .created(MADE)
                        .lastUsed(MADE)
                        .label(label)
                        .build());
        return passkey;
    }

    /** The app after the switch: the starter instead of webAuthn(), the same users. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class SwitchedApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice", "bob");
        }
    }
}
