package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.FidoMetadata;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Passkeys for Java: a {@link RelyingParty} from {@code passkeys.*}, storage (JDBC when there is a DataSource,
 * otherwise in memory), the JSON endpoints, the pages and the Spring Security integration. Every bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        })
@EnableConfigurationProperties({
    PasskeysProperties.class,
    PasskeysWellKnownProperties.class,
    PasskeysRegistrationProperties.class,
    PasskeysRecoveryProperties.class
})
// JDBC first: the in-memory storage only fills what JDBC (or the app) did not provide.
@Import({
    PasskeysMetadataConfiguration.class,
    PasskeysJdbcConfiguration.class,
    PasskeysInMemoryStorageConfiguration.class,
    PasskeysMetricsConfiguration.class,
    PasskeysAccountConfiguration.class,
    PasskeysSignUpConfiguration.class,
    PasskeysWebConfiguration.class,
    PasskeysStepUpConfiguration.class,
    PasskeysSecurityConfiguration.class
})
public final class PasskeysAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasskeyProviderDirectory passkeyProviderDirectory(
            PasskeysProperties properties, ObjectProvider<FidoMetadata> metadata) {
        // The FIDO metadata's descriptions name what the provider list does not know (security keys, mostly).
        FidoMetadata blob = metadata.getIfAvailable();
        if (properties.getProvidersFile() == null) {
            return blob == null
                    ? PasskeyProviderDirectory.bundled()
                    : PasskeyProviderDirectory.bundled().orNames(blob::description);
        }
        try (InputStream in = properties.getProvidersFile().getInputStream()) {
            PasskeyProviderDirectory read = PasskeyProviderDirectory.read(in);
            return blob == null ? read : read.orNames(blob::description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read passkeys.providers-file " + properties.getProvidersFile(), e);
        }
    }

    @Bean
    PasskeysStartupLog passkeysStartupLog(
            ObjectProvider<RelyingParty> relyingParty,
            ObjectProvider<PasskeyRepository> passkeys,
            ObjectProvider<PasskeysStorageDescriber> describers,
            BeanFactory beans) {
        return new PasskeysStartupLog(relyingParty, passkeys, describers, beans);
    }

    /** Built from {@code passkeys.*}, checked first: a set-up that cannot work stops the app with one clear line. */
    @Bean
    @ConditionalOnMissingBean
    RelyingParty relyingParty(
            PasskeysProperties properties,
            PasskeysRegistrationProperties registration,
            Environment environment,
            PasskeyRepository passkeys,
            PasskeyUserRepository users,
            PendingCeremonyStore pendingCeremonies,
            UsedChallengeStore usedChallenges,
            ChallengeKeys challengeKeys,
            PasskeyProviderDirectory providers,
            ObjectProvider<StorageTransaction> transaction,
            RecoveryCodeStore recoveryCodes,
            PasskeysRecoveryProperties recovery,
            ObjectProvider<FidoMetadata> metadata) {
        PasskeysPropertiesValidator.validate(properties);
        if (registration.getAlgorithms() == null || registration.getAlgorithms().isEmpty()) {
            throw new InvalidPasskeysPropertiesException(
                    List.of("passkeys.registration.algorithms is empty: list at least one, e.g. ES256,EDDSA,RS256"));
        }
        String rpName = properties.getRpName() != null
                ? properties.getRpName()
                : environment.getProperty("spring.application.name", "Passkeys");
        RelyingParty.Builder builder = RelyingParty.builder(properties.getRpId(), rpName)
                .origins(new LinkedHashSet<>(properties.effectiveOrigins()))
                .userVerification(properties.getUserVerification())
                .ceremonyTimeout(properties.getCeremonyTimeout())
                .requireUserHandleMatch(properties.isRequireUserHandleMatch())
                .refuseSignCounterRegression(properties.isRefuseSignCounterRegression())
                .passkeys(passkeys)
                .users(users)
                .pendingCeremonies(pendingCeremonies)
                .usedChallenges(usedChallenges)
                .challengeKeys(challengeKeys)
                .challengeKeyRotation(properties.getChallengeKeyRotation())
                .providers(providers)
                .maxPasskeysPerUser(properties.getMaxPasskeysPerUser())
                .algorithms(registration.getAlgorithms())
                .attestationTrust(AttestationRoots.trust(registration, metadata.getIfAvailable()))
                .transaction(transaction.getIfAvailable(() -> StorageTransaction.NONE))
                .recoveryCodeStore(recoveryCodes)
                .recoveryCodePolicy(recovery.policy());
        if (registration.getAttestation() != null) {
            builder.attestation(registration.getAttestation());
        }
        return builder.build();
    }
}
