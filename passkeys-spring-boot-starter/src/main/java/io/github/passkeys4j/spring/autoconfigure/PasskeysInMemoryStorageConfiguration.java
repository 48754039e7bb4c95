package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryRecoveryCodeStore;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.UsedChallengeStore;
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

    @Bean
    @ConditionalOnMissingBean
    UsedChallengeStore usedChallengeStore() {
        return new InMemoryUsedChallengeStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ChallengeKeys challengeKeys() {
        return new InMemoryChallengeKeys();
    }

    @Bean
    @ConditionalOnMissingBean
    RecoveryCodeStore recoveryCodeStore() {
        return new InMemoryRecoveryCodeStore();
    }
}
