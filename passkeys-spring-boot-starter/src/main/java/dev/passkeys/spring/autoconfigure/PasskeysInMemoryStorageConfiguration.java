package dev.passkeys.spring.autoconfigure;

import dev.passkeys.store.InMemoryPasskeyRepository;
import dev.passkeys.store.InMemoryPasskeyUserRepository;
import dev.passkeys.store.InMemoryPendingCeremonyStore;
import dev.passkeys.store.PasskeyRepository;
import dev.passkeys.store.PasskeyUserRepository;
import dev.passkeys.store.PendingCeremonyStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage for apps without a DataSource: fine for trying things out, lost on restart. */
@Configuration(proxyBeanMethods = false)
class PasskeysInMemoryStorageConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasskeyRepository passkeyRepository() {
        return new InMemoryPasskeyRepository();
    }

    @Bean
    @ConditionalOnMissingBean
    PasskeyUserRepository passkeyUserRepository() {
        return new InMemoryPasskeyUserRepository();
    }

    @Bean
    @ConditionalOnMissingBean
    PendingCeremonyStore pendingCeremonyStore() {
        return new InMemoryPendingCeremonyStore();
    }
}
