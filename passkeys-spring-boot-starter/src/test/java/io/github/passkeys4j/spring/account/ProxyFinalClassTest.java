package io.github.passkeys4j.spring.account;

import io.github.passkeys4j.spring.account.internal.UserDetailsManagerAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.UserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/** An app whose own (final) UserDetailsManager is injected by its class still starts with the starter. */
class ProxyFinalClassTest {

    static final class AppUsers implements UserDetailsManager {
        private final InMemoryUserDetailsManager delegate = new InMemoryUserDetailsManager();

        public void createUser(UserDetails user) {
            delegate.createUser(user);
        }

        public void updateUser(UserDetails user) {
            delegate.updateUser(user);
        }

        public void deleteUser(String username) {
            delegate.deleteUser(username);
        }

        public void changePassword(String o, String n) {
            delegate.changePassword(o, n);
        }

        public boolean userExists(String username) {
            return delegate.userExists(username);
        }

        public UserDetails loadUserByUsername(String username) {
            return delegate.loadUserByUsername(username);
        }
    }

    record SignUp(AppUsers users) {}

    @Configuration(proxyBeanMethods = false)
    static class App {
        @Bean
        AppUsers appUsers() {
            return new AppUsers();
        }

        @Bean
        SignUp signUp(AppUsers users) {
            return new SignUp(users);
        }

        @Bean
        static UserDetailsManagerAccounts hook() {
            return new UserDetailsManagerAccounts(null);
        }
    }

    @Test
    void startsWhenTheManagerIsInjectedByItsClass() {
        new ApplicationContextRunner()
                .withUserConfiguration(App.class)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
