package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.account.internal.UserDetailsManagerAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passkeys bound to the application's accounts, and following them through deletions and renames. */
@Configuration(proxyBeanMethods = false)
class PasskeysAccountConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasskeyAccounts passkeyAccounts(RelyingParty relyingParty, ObjectProvider<AccountIdResolver> ids) {
        return new PasskeyAccounts(relyingParty, ids.getIfUnique(() -> AccountIdResolver.USERNAME));
    }

    /** Static: a post-processor is made before other beans, and must not pull them in. */
    @Bean
    @ConditionalOnBooleanProperty(name = "passkeys.accounts.follow-user-details-manager", matchIfMissing = true)
    static UserDetailsManagerAccounts passkeysUserDetailsManagerAccounts(ObjectProvider<PasskeyAccounts> accounts) {
        return new UserDetailsManagerAccounts(accounts);
    }
}
