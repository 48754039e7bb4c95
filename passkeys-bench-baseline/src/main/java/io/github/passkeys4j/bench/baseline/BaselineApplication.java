package io.github.passkeys4j.bench.baseline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import javax.sql.DataSource;

/**
 * The benchmark's baseline: what an app gets from Spring Security 7 alone. Form login with its generated login page
 * (which then offers "Sign in with a passkey"), {@code http.webAuthn()} with its endpoints
 * ({@code POST /webauthn/register/options}, {@code POST /webauthn/register}, {@code POST /webauthn/authenticate/options},
 * {@code POST /login/webauthn}) and its JDBC repositories. Every setting is Spring Security's default except the RP
 * ID and the allowed origin, which it requires.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${server.port}") int port) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/signup", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults())
                .webAuthn(webAuthn ->
                        webAuthn.rpName("Bench baseline").rpId("localhost").allowedOrigins("http://localhost:" + port));
        return http.build();
    }

    /** Password users in the DataSource, tables from Spring Security's {@code users.ddl}. */
    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Picked up by {@code webAuthn()} as a bean; its default is an in-memory map. */
    @Bean
    PublicKeyCredentialUserEntityRepository userEntityRepository(JdbcTemplate jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository userCredentialRepository(JdbcTemplate jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }
}
