package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartSignUp;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import io.github.passkeys4j.spring.account.SignUpResponseContributor;
import io.github.passkeys4j.spring.account.internal.UserDetailsManagerSignUpAccounts;
import io.github.passkeys4j.spring.security.PasskeySignUp;
import io.github.passkeys4j.spring.web.internal.BrowserNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.provisioning.UserDetailsManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Passkey-only sign-up: on when the app declares a {@link PasskeySignUpAccounts} bean, or sets
 * {@code passkeys.sign-up.enabled=true} and has a {@code UserDetailsManager}; off with {@code enabled=false}. A
 * {@code UserDetailsManager} alone does not turn it on: Boot's own in-memory user, an admin tool's users, are not an
 * invitation to strangers to create accounts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(UserDetailsManager.class)
@EnableConfigurationProperties(PasskeysSignUpProperties.class)
class PasskeysSignUpConfiguration {

    @Bean
    SignUpSetup passkeysSignUpSetup(
            PasskeysSignUpProperties signUp,
            PasskeysProperties properties,
            ObjectProvider<PasskeySignUpAccounts> appAccounts,
            ObjectProvider<UserDetailsManager> userDetailsManager,
            ObjectProvider<AccountIdResolver> ids,
            ObjectProvider<SignUpResponseContributor> contributors,
            ObjectProvider<BrowserNames> browserNames) {
        if (Boolean.FALSE.equals(signUp.getEnabled())) {
            return new SignUpSetup(null);
        }
        PasskeySignUpAccounts accounts = appAccounts.getIfUnique();
        if (accounts == null && Boolean.TRUE.equals(signUp.getEnabled())) {
            UserDetailsManager manager = userDetailsManager.getIfUnique();
            if (manager == null) {
                throw new InvalidPasskeysPropertiesException(List.of("passkeys.sign-up.enabled=true, but nothing can"
                        + " create accounts: declare a PasskeySignUpAccounts bean, or one UserDetailsManager bean"
                        + " (JdbcUserDetailsManager, say), or set passkeys.sign-up.enabled=false"));
            }
            accounts = new UserDetailsManagerSignUpAccounts(
                    manager,
                    AuthorityUtils.createAuthorityList(signUp.getAuthorities()),
                    ids.getIfUnique(() -> AccountIdResolver.USERNAME));
        }
        if (accounts == null) {
            return new SignUpSetup(null);
        }
        List<String> problems = new ArrayList<>();
        Pattern pattern = null;
        try {
            pattern = Pattern.compile(signUp.getUsernamePattern());
        } catch (PatternSyntaxException | NullPointerException e) {
            problems.add("passkeys.sign-up.username-pattern: " + signUp.getUsernamePattern()
                    + " is not a Java regular expression");
        }
        if (signUp.getDisplayNameMaxLength() < 1
                || signUp.getDisplayNameMaxLength() > StartSignUp.MAX_DISPLAY_NAME_LENGTH) {
            problems.add("passkeys.sign-up.display-name-max-length: " + signUp.getDisplayNameMaxLength()
                    + " is not between 1 and " + StartSignUp.MAX_DISPLAY_NAME_LENGTH);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(problems);
        }
        return new SignUpSetup(new PasskeySignUp(
                accounts,
                pattern,
                signUp.getDisplayNameMaxLength(),
                Objects.requireNonNullElse(signUp.getSuccessUrl(), properties.getDefaultSuccessUrl()),
                contributors.orderedStream().toList(),
                browserNames.getIfAvailable(BrowserNames::new)::describe));
    }

    /**
     * The new account's recovery codes, shown once in the sign-up's answer ({@code recoveryCodes}): a passkey-only
     * account has no other way back in if its passkey is lost. Off with {@code passkeys.recovery.enabled=false}.
     */
    @Bean
    @Order(0)
    SignUpResponseContributor passkeysRecoveryCodesAtSignUp(
            RelyingParty relyingParty, PasskeysRecoveryProperties recovery) {
        return (accountId, username, response) -> {
            if (recovery.isEnabled()) {
                response.put("recoveryCodes", relyingParty.recoveryCodes().issue(accountId));
            }
        };
    }

    /** The sign-up the security customizer adds; {@code null} when it is off. */
    record SignUpSetup(PasskeySignUp signUp) {}
}
