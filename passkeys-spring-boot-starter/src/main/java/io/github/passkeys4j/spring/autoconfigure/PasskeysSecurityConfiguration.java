package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.spring.security.PasskeyRecovery;
import io.github.passkeys4j.spring.security.PasskeySignInHandlers;
import io.github.passkeys4j.spring.security.PasskeysConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Adds passkey sign-in to the application's own security filter chain(s). Spring Security 7 applies every
 * {@code Customizer<HttpSecurity>} bean to each {@code HttpSecurity}, so the integrator writes no passkey-specific
 * security configuration. It writes no URL rules either: authorization stays the app's (see {@link PasskeysConfigurer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnBooleanProperty(name = "passkeys.security.customize-http-security", matchIfMissing = true)
class PasskeysSecurityConfiguration {

    /**
     * Signs a user in for recovery (limited to adding a passkey): the end of a recovery code, and of an app's own
     * recovery such as an e-mail link.
     */
    @Bean
    @ConditionalOnMissingBean
    PasskeyRecovery passkeyRecovery(
            ObjectProvider<UserDetailsService> userDetailsService,
            PasskeysProperties properties,
            RelyingParty relyingParty) {
        return new PasskeyRecovery(
                username -> userDetailsService.getObject().loadUserByUsername(username),
                BasePath.of(properties),
                relyingParty.clock());
    }

    @Bean
    Customizer<HttpSecurity> passkeysHttpSecurityCustomizer(
            RelyingParty relyingParty,
            ObjectProvider<UserDetailsService> userDetailsService,
            PasskeysProperties properties,
            PasskeysWellKnownProperties wellKnown,
            ApplicationEventPublisher events,
            ObjectProvider<CeremonyObserver> observer,
            ObjectProvider<PasskeySignInHandlers> handlers,
            ObjectProvider<AccountIdResolver> accountIds,
            ObjectProvider<PasskeysSignUpConfiguration.SignUpSetup> signUp,
            ObjectProvider<PasskeyRecovery> recovery,
            PasskeysRecoveryProperties recoveryProperties) {
        String base = BasePath.of(properties);
        return http -> {
            UserDetailsService users = userDetailsService.getIfAvailable();
            if (users == null) {
                throw new IllegalStateException(
                        "Passkeys for Java needs a UserDetailsService bean to load the "
                                + "user of a passkey sign-in; declare one, or set passkeys.security.customize-http-security=false");
            }
            PasskeysConfigurer configurer = new PasskeysConfigurer(
                            relyingParty, users, base, properties.getDefaultSuccessUrl())
                    .events(events)
                    .observer(observer.getIfAvailable(() -> CeremonyObserver.NONE))
                    .accountIds(accountIds.getIfUnique(() -> AccountIdResolver.USERNAME));
            if (wellKnown.isEnabled()) {
                configurer.passkeyEndpoints(wellKnown.getEnrollUrl(), wellKnown.getManageUrl());
            } else {
                configurer.withoutPasskeyEndpoints();
            }
            if (properties.getRelatedOrigins() != null) {
                configurer.relatedOrigins(properties.getRelatedOrigins());
            }
            PasskeysSignUpConfiguration.SignUpSetup signUpSetup = signUp.getIfAvailable();
            if (signUpSetup != null) {
                configurer.signUp(signUpSetup.signUp());
            }
            PasskeyRecovery passkeyRecovery = recovery.getIfUnique();
            if (passkeyRecovery != null) {
                configurer.recovery(passkeyRecovery, recoveryProperties.isEnabled());
            }
            PasskeySignInHandlers signIn = handlers.getIfAvailable();
            if (signIn != null) {
                configurer.successHandler(signIn.success()).failureHandler(signIn.failure());
            }
            try {
                http.with(configurer, Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException("could not add passkey sign-in to HttpSecurity", e);
            }
        };
    }
}
