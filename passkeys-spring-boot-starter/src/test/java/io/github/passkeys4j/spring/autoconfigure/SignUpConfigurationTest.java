package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import io.github.passkeys4j.spring.account.internal.UserDetailsManagerSignUpAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.UserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When sign-up is on: only when the app said so (its own accounts bean, or the property with a UserDetailsManager);
 * off with one property; a set-up that cannot create accounts, or a bad pattern, stops start-up with one clear line.
 */
class SignUpConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    static final class AppAccounts implements PasskeySignUpAccounts {
        @Override
        public boolean usernameExists(String username) {
            return false;
        }

        @Override
        public String createAccount(String username, String displayName) {
            return username;
        }
    }

    private static UserDetailsManager manager() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password("{noop}x").roles("ADMIN").build());
    }

    @Test
    void aUserDetailsManagerAloneDoesNotOpenSignUp() {
        runner.withBean(UserDetailsManager.class, SignUpConfigurationTest::manager)
                .run(context -> assertThat(context.getBean(PasskeysSignUpConfiguration.SignUpSetup.class)
                                .signUp())
                        .isNull());
    }

    @Test
    void withThePropertyAUserDetailsManagerCreatesTheAccounts() {
        runner.withBean(UserDetailsManager.class, SignUpConfigurationTest::manager)
                .withPropertyValues("passkeys.sign-up.enabled=true", "passkeys.sign-up.username-pattern=[a-z]{2,8}")
                .run(context -> {
                    var signUp = context.getBean(PasskeysSignUpConfiguration.SignUpSetup.class)
                            .signUp();
                    assertThat(signUp.accounts()).isInstanceOf(UserDetailsManagerSignUpAccounts.class);
                    assertThat(signUp.usernamePattern().pattern()).isEqualTo("[a-z]{2,8}");
                    assertThat(signUp.successUrl()).isEqualTo("/");
                });
    }

    @Test
    void theAppsOwnAccountsBeanOpensSignUpAndOnePropertyClosesIt() {
        runner.withBean(PasskeySignUpAccounts.class, AppAccounts::new)
                .run(context -> assertThat(context.getBean(PasskeysSignUpConfiguration.SignUpSetup.class)
                                .signUp()
                                .accounts())
                        .isInstanceOf(AppAccounts.class));
        runner.withBean(PasskeySignUpAccounts.class, AppAccounts::new)
                .withPropertyValues("passkeys.sign-up.enabled=false")
                .run(context -> assertThat(context.getBean(PasskeysSignUpConfiguration.SignUpSetup.class)
                                .signUp())
                        .isNull());
    }

    @Test
    void signUpOnWithNothingToCreateAccountsStopsStartUp() {
        runner.withPropertyValues("passkeys.sign-up.enabled=true")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageContaining("passkeys.sign-up.enabled=true, but nothing can create accounts")
                        .hasMessageContaining("PasskeySignUpAccounts"));
    }

    @Test
    void aBadPatternOrLengthStopsStartUp() {
        runner.withBean(PasskeySignUpAccounts.class, AppAccounts::new)
                .withPropertyValues(
                        "passkeys.sign-up.username-pattern=[a-z", "passkeys.sign-up.display-name-max-length=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "passkeys.sign-up.username-pattern: [a-z is not a Java regular expression")
                        .hasMessageContaining("passkeys.sign-up.display-name-max-length: 0 is not between 1 and 1024"));
    }
}
