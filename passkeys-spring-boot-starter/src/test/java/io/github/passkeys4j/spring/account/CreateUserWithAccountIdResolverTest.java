package io.github.passkeys4j.spring.account;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.internal.UserDetailsManagerAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.UserDetailsManager;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * An app whose AccountIdResolver knows only its own user type (as passkeys-sample's does) and that also has a
 * UserDetailsManager (admins in memory, say): creating a user must still work.
 */
class CreateUserWithAccountIdResolverTest {

    record AppUserId(long id) {}

    @Test
    void createUserIsNotBrokenByTheResolver() {
        RelyingParty rp = RelyingParty.builder("localhost", "Test")
                .origins(Set.of("http://localhost:8080"))
                .build();
        AccountIdResolver appIds = user -> {
            throw new IllegalArgumentException(
                    "not an app user: " + user.getClass().getName());
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("accounts", new PasskeyAccounts(rp, appIds));
        UserDetailsManager admins =
                (UserDetailsManager) new UserDetailsManagerAccounts(beans.getBeanProvider(PasskeyAccounts.class))
                        .postProcessAfterInitialization(new InMemoryUserDetailsManager(), "admins");

        assertThatCode(() -> admins.createUser(User.withUsername("root")
                        .password("{noop}x")
                        .roles("ADMIN")
                        .build()))
                .doesNotThrowAnyException();
    }
}
